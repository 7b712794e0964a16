-- AlterEnum
ALTER TYPE "RepositoryProjectStatus" ADD VALUE 'PREPARING';
