-- DropIndex
DROP INDEX CONCURRENTLY IF EXISTS "scores_updated_at_idx";
