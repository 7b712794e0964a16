-- AlterTable
ALTER TABLE "TaskSchedule" ADD COLUMN     "cronDescription" TEXT NOT NULL DEFAULT '';
