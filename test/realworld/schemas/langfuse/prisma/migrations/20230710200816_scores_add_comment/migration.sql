-- AlterTable
ALTER TABLE "scores" ADD COLUMN     "comment" TEXT;
