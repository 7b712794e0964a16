-- AlterEnum
ALTER TYPE "EnumBlockType" ADD VALUE 'PluginOrder';
