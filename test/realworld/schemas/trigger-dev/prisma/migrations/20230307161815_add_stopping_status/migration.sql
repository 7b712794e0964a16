-- AlterEnum
ALTER TYPE "ProjectDeploymentStatus" ADD VALUE 'STOPPING';
