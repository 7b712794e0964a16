-- AlterTable
ALTER TABLE "observations" ALTER COLUMN "end_time" DROP NOT NULL;
