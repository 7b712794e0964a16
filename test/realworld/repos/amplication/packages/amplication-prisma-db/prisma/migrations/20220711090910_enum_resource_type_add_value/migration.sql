-- AlterEnum
ALTER TYPE "EnumResourceType" ADD VALUE 'ProjectConfiguration';
