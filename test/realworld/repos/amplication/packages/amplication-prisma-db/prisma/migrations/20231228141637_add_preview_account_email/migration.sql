-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "previewAccountEmail" TEXT;
