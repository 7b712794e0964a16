-- +goose Up
-- AlterEnum
ALTER TYPE "StepRunEventReason" ADD VALUE 'RETRIED_BY_USER';
