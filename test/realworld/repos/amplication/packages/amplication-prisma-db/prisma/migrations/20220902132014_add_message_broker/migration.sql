-- AlterEnum
ALTER TYPE "EnumResourceType" ADD VALUE 'MessageBroker';
