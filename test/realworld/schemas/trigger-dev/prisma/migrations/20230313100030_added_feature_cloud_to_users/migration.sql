-- AlterTable
ALTER TABLE "User" ADD COLUMN     "featureCloud" BOOLEAN NOT NULL DEFAULT false;
