-- AlterTable
ALTER TABLE "TaskRun" ADD COLUMN     "cliVersion" TEXT,
ADD COLUMN     "sdkVersion" TEXT;
