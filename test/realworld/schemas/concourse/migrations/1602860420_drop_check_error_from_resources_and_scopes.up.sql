
ALTER TABLE resources DROP COLUMN check_error;
ALTER TABLE resource_types DROP COLUMN check_error;
ALTER TABLE resource_config_scopes DROP COLUMN check_error;

