-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "externalId" TEXT;
