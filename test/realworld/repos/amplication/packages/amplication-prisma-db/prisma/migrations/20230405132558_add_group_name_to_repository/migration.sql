-- AlterTable
ALTER TABLE "GitRepository" ADD COLUMN     "groupName" TEXT;
