-- AlterEnum
ALTER TYPE "EnumBlockType" ADD VALUE 'Module';
