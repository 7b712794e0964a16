-- AlterEnum
ALTER TYPE "EnumBlockType" ADD VALUE 'CodeEngineVersion';
