-- AlterEnum
ALTER TYPE "EnumUserActionType" ADD VALUE 'BreakTheMonolith';
