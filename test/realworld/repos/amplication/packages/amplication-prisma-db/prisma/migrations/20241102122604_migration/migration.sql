-- AlterEnum
ALTER TYPE "EnumResourceType" ADD VALUE 'Component';
