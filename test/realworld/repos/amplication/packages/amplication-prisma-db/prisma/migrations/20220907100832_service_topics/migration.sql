-- AlterEnum
ALTER TYPE "EnumBlockType" ADD VALUE 'ServiceTopics';
