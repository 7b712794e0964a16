-- AlterTable
ALTER TABLE "prompts" ADD COLUMN     "commit_message" TEXT;
