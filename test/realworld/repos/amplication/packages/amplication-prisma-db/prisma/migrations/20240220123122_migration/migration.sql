-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "allowLLMFeatures" BOOLEAN NOT NULL DEFAULT true;
