-- AlterTable
ALTER TABLE "public"."TaskQueue" ADD COLUMN     "concurrencyLimitOverriddenBy" TEXT;
