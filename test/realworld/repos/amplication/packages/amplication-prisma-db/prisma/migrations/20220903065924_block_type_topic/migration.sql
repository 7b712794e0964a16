-- AlterEnum
ALTER TYPE "EnumBlockType" ADD VALUE 'Topic';
