-- AlterEnum
ALTER TYPE "EnumResourceType" ADD VALUE 'ServiceTemplate';
