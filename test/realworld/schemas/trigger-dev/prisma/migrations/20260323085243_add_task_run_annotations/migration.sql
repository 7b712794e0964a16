-- AlterTable
ALTER TABLE "public"."TaskRun" ADD COLUMN     "annotations" JSONB;
