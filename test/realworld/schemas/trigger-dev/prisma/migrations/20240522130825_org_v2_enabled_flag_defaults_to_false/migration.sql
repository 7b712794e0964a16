-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "v2Enabled" BOOLEAN NOT NULL DEFAULT false;
