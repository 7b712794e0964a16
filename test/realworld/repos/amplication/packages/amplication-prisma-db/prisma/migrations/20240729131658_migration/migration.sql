-- AlterEnum
ALTER TYPE "EnumResourceType" ADD VALUE 'PluginRepository';
