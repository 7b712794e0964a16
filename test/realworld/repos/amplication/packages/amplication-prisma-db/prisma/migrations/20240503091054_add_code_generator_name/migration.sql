-- AlterTable
ALTER TABLE "Resource" ADD COLUMN     "codeGeneratorName" TEXT;
