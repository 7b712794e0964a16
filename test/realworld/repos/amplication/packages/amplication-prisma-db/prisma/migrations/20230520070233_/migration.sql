-- AlterTable
ALTER TABLE "EntityField" ADD COLUMN     "customAttributes" TEXT;
