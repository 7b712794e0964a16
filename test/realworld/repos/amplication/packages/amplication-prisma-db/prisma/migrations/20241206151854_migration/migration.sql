-- AlterEnum
ALTER TYPE "EnumBlockType" ADD VALUE 'ResourceSettings';
