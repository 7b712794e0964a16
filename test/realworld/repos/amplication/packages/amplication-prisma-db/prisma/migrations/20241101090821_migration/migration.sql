-- AlterTable
ALTER TABLE "CustomProperty" ADD COLUMN     "deletedAt" TIMESTAMP(3);
