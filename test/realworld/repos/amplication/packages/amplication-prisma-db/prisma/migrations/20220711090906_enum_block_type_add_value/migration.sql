-- AlterEnum
ALTER TYPE "EnumBlockType" ADD VALUE 'ProjectConfigurationSettings';