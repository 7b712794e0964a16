-- AlterTable
ALTER TABLE "RuntimeEnvironment" ADD COLUMN     "pkApiKey" TEXT;
