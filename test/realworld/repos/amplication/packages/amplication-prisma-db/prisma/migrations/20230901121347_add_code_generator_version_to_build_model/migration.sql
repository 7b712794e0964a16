-- AlterTable
ALTER TABLE "Build" ADD COLUMN     "codeGeneratorVersion" TEXT;
