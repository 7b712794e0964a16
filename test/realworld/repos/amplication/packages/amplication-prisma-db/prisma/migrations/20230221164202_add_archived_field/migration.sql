-- AlterTable
ALTER TABLE "Resource" ADD COLUMN     "archived" BOOLEAN NOT NULL DEFAULT false;
