-- AlterTable
ALTER TABLE "Build" ADD COLUMN     "filesChanged" INTEGER,
ADD COLUMN     "linesOfCode" INTEGER;
