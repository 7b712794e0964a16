-- AlterEnum
ALTER TYPE "EnumUserActionType" ADD VALUE 'ProjectRedesign';
