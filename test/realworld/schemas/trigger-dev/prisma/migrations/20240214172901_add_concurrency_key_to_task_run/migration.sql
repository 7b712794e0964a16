-- AlterTable
ALTER TABLE "TaskRun" ADD COLUMN     "concurrencyKey" TEXT;
