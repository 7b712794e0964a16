-- AlterTable
ALTER TABLE "Blueprint" ADD COLUMN     "useBusinessDomain" BOOLEAN NOT NULL DEFAULT false;
