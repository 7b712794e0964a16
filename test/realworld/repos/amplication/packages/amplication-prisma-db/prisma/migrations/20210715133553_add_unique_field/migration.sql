-- AlterTable
ALTER TABLE "EntityField" ADD COLUMN     "unique" BOOLEAN NOT NULL DEFAULT false;
