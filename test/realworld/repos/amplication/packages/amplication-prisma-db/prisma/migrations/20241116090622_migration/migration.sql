-- AlterTable
ALTER TABLE "Blueprint" ADD COLUMN     "relations" JSONB;
