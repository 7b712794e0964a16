-- AlterTable
ALTER TABLE "TaskRun" ADD COLUMN     "maxDurationInSeconds" INTEGER;
