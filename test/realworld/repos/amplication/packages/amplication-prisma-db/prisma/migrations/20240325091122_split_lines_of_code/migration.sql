-- AlterTable
ALTER TABLE "Build" ADD COLUMN     "linesOfCodeDeleted" INTEGER;
