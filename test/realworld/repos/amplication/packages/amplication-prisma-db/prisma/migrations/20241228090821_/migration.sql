/*
  Warnings:

  - You are about to drop the column `previewAccountType` on the `Account` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "Account" DROP COLUMN "previewAccountType";

-- DropEnum
DROP TYPE "PreviewAccountType";
