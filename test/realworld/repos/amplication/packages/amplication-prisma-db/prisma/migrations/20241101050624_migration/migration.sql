-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "color" TEXT;
