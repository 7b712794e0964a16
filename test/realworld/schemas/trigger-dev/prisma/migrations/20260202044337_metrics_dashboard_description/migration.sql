-- AlterTable
ALTER TABLE "public"."MetricsDashboard"
ADD COLUMN "description" TEXT NOT NULL DEFAULT '';