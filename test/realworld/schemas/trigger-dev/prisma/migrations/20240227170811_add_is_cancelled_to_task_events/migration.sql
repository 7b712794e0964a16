-- AlterTable
ALTER TABLE "TaskEvent" ADD COLUMN     "isCancelled" BOOLEAN NOT NULL DEFAULT false;
