-- AlterTable
ALTER TABLE "CustomProperty" ALTER COLUMN "options" DROP NOT NULL;
