-- AlterEnum
ALTER TYPE "EnumBlockType" ADD VALUE 'ModuleAction';
