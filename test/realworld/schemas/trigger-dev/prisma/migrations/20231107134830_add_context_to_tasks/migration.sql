-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "context" JSONB;
