-- AlterEnum
ALTER TYPE "EnumBlockType" ADD VALUE 'PluginInstallation';
