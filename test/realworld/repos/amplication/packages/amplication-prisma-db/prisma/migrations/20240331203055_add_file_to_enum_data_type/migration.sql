-- AlterEnum
ALTER TYPE "EnumDataType" ADD VALUE 'File';
