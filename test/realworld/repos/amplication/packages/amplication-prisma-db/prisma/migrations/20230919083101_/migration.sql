-- AlterTable
ALTER TABLE "Coupon" ADD COLUMN     "couponType" TEXT;
