-- AlterTable
ALTER TABLE "Blueprint" ADD COLUMN     "color" TEXT;
