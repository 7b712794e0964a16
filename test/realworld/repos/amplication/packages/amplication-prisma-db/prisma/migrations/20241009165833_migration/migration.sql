-- AlterEnum
ALTER TYPE "EnumSubscriptionPlan" ADD VALUE 'Team';
