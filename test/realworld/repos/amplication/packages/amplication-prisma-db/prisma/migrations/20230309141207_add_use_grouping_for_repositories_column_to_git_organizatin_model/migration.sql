-- AlterTable
ALTER TABLE "GitOrganization" ADD COLUMN     "useGroupingForRepositories" BOOLEAN NOT NULL DEFAULT false;
