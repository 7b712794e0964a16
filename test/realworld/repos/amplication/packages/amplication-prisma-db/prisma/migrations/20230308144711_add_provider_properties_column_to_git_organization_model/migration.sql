-- AlterTable
ALTER TABLE "GitOrganization" ADD COLUMN     "providerProperties" JSONB NOT NULL DEFAULT '{}';
