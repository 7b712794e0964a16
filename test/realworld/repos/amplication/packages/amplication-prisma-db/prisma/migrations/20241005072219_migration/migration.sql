-- AlterEnum
ALTER TYPE "EnumOutdatedVersionAlertStatus" ADD VALUE 'Canceled';
