-- AlterTable
ALTER TABLE "blob_storage_integrations" ADD COLUMN "run_started_at" TIMESTAMP(3);
