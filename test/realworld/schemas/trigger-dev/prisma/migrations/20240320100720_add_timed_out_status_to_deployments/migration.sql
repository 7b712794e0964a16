-- AlterEnum
ALTER TYPE "WorkerDeploymentStatus" ADD VALUE 'TIMED_OUT';
