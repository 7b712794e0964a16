-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "platformIsPublic" BOOLEAN NOT NULL DEFAULT false;
