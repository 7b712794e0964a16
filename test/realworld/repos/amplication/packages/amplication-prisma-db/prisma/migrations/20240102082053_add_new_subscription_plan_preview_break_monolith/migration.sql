-- AlterEnum
ALTER TYPE "EnumSubscriptionPlan" ADD VALUE 'PreviewBreakTheMonolith';
