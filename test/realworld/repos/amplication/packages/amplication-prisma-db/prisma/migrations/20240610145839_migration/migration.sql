-- AlterEnum
ALTER TYPE "EnumSubscriptionPlan" ADD VALUE 'Essential';
