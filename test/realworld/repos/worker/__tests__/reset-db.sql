drop schema if exists :GRAPHILE_WORKER_SCHEMA cascade;
drop extension if exists pgcrypto cascade;
