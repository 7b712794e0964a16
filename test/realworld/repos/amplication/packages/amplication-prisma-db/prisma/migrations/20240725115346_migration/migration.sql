-- AlterEnum
ALTER TYPE "EnumBlockType" ADD VALUE 'Package';
