-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "v2MarqsEnabled" BOOLEAN NOT NULL DEFAULT false;
