-- AlterEnum
ALTER TYPE "ScoreConfigDataType" ADD VALUE 'TEXT';
