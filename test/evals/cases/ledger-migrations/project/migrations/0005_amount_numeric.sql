-- Finance wants amounts in major units with two decimals.
ALTER TABLE payments ALTER COLUMN amount TYPE numeric(14, 2) USING amount / 100.0;
