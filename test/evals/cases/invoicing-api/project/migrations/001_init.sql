-- Multi-tenant invoicing: every business row carries tenant_id.
CREATE TABLE tenants (
  id          bigserial PRIMARY KEY,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE customers (
  id          bigserial PRIMARY KEY,
  tenant_id   bigint NOT NULL REFERENCES tenants (id),
  name        text NOT NULL,
  email       text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customers_tenant_id_idx ON customers (tenant_id);

CREATE TABLE invoices (
  id           bigserial PRIMARY KEY,
  tenant_id    bigint NOT NULL REFERENCES tenants (id),
  customer_id  bigint NOT NULL REFERENCES customers (id),
  number       text NOT NULL,
  status       text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'paid', 'void')),
  due_date     date NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, number)
);
CREATE INDEX invoices_tenant_created_idx ON invoices (tenant_id, created_at DESC);
CREATE INDEX invoices_customer_id_idx ON invoices (customer_id);

CREATE TABLE invoice_lines (
  id           bigserial PRIMARY KEY,
  invoice_id   bigint NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
  description  text NOT NULL,
  quantity     integer NOT NULL CHECK (quantity > 0),
  unit_cents   integer NOT NULL CHECK (unit_cents >= 0)
);
