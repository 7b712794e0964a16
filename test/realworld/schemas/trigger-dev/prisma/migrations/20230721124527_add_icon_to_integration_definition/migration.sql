-- AlterTable
ALTER TABLE "IntegrationDefinition" ADD COLUMN     "icon" TEXT;
