-- AlterEnum
ALTER TYPE "TaskStatus" ADD VALUE 'WAITING';
