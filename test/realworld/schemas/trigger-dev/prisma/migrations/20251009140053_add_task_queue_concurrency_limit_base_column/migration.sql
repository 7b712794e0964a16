-- AlterTable
ALTER TABLE "public"."TaskQueue" ADD COLUMN     "concurrencyLimitBase" INTEGER;