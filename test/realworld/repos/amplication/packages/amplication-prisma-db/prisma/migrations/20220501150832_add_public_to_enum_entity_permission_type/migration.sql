-- AlterEnum
ALTER TYPE "EnumEntityPermissionType" ADD VALUE 'Public';
