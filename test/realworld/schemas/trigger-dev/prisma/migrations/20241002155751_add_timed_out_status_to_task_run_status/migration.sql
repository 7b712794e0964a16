-- AlterEnum
ALTER TYPE "TaskRunStatus" ADD VALUE 'TIMED_OUT';
