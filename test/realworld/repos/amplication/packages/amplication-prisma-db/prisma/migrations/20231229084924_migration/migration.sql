-- AlterEnum
ALTER TYPE "EnumBlockType" ADD VALUE 'ModuleDto';
