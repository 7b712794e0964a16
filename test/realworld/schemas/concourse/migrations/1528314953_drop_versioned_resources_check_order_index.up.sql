
DROP INDEX IF EXISTS versioned_resources_check_order;

