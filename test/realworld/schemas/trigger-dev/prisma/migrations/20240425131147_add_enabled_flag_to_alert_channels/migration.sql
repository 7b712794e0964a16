-- AlterTable
ALTER TABLE "ProjectAlertChannel" ADD COLUMN     "enabled" BOOLEAN NOT NULL DEFAULT true;
