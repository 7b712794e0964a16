-- Adding the enum value
ALTER TYPE "EnumBlockType" ADD VALUE IF NOT EXISTS 'ServiceSettings';