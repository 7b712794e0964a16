-- payment_events.payment_id was never enforced; add the foreign key.
ALTER TABLE payment_events
  ADD CONSTRAINT payment_events_payment_id_fkey FOREIGN KEY (payment_id) REFERENCES payments (id);
