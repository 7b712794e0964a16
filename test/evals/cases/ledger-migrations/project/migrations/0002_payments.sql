CREATE TABLE payments (
  id            bigserial PRIMARY KEY,
  account_id    uuid NOT NULL REFERENCES accounts (id),
  merchant_ref  text NOT NULL,
  amount        integer NOT NULL,
  status        text,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_account_created_idx ON payments (account_id, created_at DESC);
