-- AlterEnum
ALTER TYPE "PreviewAccountType" ADD VALUE 'Auth0Signup';
