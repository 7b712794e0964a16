-- AlterEnum
ALTER TYPE "TaskRunStatus" ADD VALUE 'DEQUEUED';