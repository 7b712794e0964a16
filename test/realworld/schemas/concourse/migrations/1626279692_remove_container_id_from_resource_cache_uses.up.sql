ALTER TABLE resource_cache_uses DROP COLUMN IF EXISTS container_id;
