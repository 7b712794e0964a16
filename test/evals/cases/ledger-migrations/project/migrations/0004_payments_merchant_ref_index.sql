-- Support lookups by the merchant's reference (reconciliation job and support tooling).
CREATE INDEX payments_merchant_ref_idx ON payments (merchant_ref);
