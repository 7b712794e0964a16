-- AlterEnum
ALTER TYPE "PreviewAccountType" ADD VALUE 'PreviewOnboarding';
