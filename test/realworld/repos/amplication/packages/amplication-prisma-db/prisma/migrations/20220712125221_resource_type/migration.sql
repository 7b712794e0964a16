-- AlterTable
ALTER TABLE "Resource" RENAME "type" TO "resourceType"

