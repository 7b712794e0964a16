-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "runsEnabled" BOOLEAN NOT NULL DEFAULT true;
