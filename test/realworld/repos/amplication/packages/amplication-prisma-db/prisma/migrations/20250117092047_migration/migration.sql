-- AlterEnum
ALTER TYPE "EnumBlockType" ADD VALUE 'ResourceTemplateVersion';
