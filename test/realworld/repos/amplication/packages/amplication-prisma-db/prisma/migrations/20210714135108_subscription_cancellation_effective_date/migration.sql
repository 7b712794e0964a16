-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "cancellationEffectiveDate" TIMESTAMP(3);
