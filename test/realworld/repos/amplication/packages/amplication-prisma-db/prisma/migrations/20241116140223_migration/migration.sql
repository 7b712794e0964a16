-- AlterEnum
ALTER TYPE "EnumBlockType" ADD VALUE 'Relation';
