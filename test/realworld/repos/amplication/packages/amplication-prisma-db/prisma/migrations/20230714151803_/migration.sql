-- AlterTable
ALTER TABLE "GitRepository" ADD COLUMN     "baseBranchName" TEXT;
