-- AlterEnum
ALTER TYPE "EnumBuildStatus" ADD VALUE 'Canceled';
