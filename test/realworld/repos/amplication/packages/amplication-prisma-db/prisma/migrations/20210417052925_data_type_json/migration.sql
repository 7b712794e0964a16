-- AlterEnum
ALTER TYPE "EnumDataType" ADD VALUE 'Json';
