CREATE TABLE payment_events (
  id          bigserial PRIMARY KEY,
  payment_id  bigint NOT NULL,
  kind        text NOT NULL,
  payload     jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_events_payment_id_idx ON payment_events (payment_id);
