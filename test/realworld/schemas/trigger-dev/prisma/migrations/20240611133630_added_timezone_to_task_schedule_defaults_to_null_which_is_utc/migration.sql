-- AlterTable
ALTER TABLE "TaskSchedule" ADD COLUMN     "timezone" TEXT;
