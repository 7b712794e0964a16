-- AlterTable
ALTER TABLE "TaskRunWaitpoint" ADD COLUMN     "spanIdToComplete" TEXT;
