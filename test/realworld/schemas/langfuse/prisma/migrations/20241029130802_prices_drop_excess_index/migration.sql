-- DropIndex
DROP INDEX CONCURRENTLY "prices_model_id_idx";
