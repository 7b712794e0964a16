-- AlterTable
ALTER TABLE "Endpoint" ADD COLUMN     "version" TEXT NOT NULL DEFAULT 'unknown';
