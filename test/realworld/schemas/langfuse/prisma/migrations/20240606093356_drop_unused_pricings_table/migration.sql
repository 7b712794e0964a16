/*
  Warnings:

  - You are about to drop the `pricings` table. If the table is not empty, all the data it contains will be lost.

*/
-- DropTable
DROP TABLE "pricings";

-- DropEnum
DROP TYPE "PricingUnit";

-- DropEnum
DROP TYPE "TokenType";
