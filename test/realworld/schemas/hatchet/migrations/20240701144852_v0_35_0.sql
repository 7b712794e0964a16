-- +goose Up
-- Modify "Worker" table
ALTER TABLE "Worker" ADD COLUMN "isPaused" boolean NOT NULL DEFAULT false;
