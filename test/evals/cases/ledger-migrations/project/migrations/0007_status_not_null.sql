-- Old rows have no status; they are all settled.
UPDATE payments SET status = 'settled' WHERE status IS NULL;
ALTER TABLE payments ALTER COLUMN status SET NOT NULL;
ALTER TABLE payments ADD CONSTRAINT payments_status_check CHECK (status IN ('pending', 'settled', 'failed', 'refunded'));
