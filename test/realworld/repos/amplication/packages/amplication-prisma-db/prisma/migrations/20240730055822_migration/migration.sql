-- AlterEnum
ALTER TYPE "EnumBlockType" ADD VALUE 'PrivatePlugin';
