-- AlterTable
ALTER TABLE "Entity" ADD COLUMN     "customAttributes" TEXT;

-- AlterTable
ALTER TABLE "EntityVersion" ADD COLUMN     "customAttributes" TEXT;
