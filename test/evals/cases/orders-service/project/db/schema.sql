-- orders-service schema (applied by db/apply.sh on deploy)
CREATE TABLE customers (
  id          bigserial PRIMARY KEY,
  email       text NOT NULL UNIQUE,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE products (
  id           bigserial PRIMARY KEY,
  sku          text NOT NULL UNIQUE,
  title        text NOT NULL,
  price_cents  integer NOT NULL CHECK (price_cents >= 0),
  stock        integer NOT NULL CHECK (stock >= 0)
);

CREATE TABLE orders (
  id               bigserial PRIMARY KEY,
  customer_id      bigint NOT NULL REFERENCES customers (id),
  status           text NOT NULL DEFAULT 'pending',
  total_cents      integer NOT NULL,
  shipping_address jsonb NOT NULL,
  notes            text,
  created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE order_items (
  id           bigserial PRIMARY KEY,
  order_id     bigint NOT NULL REFERENCES orders (id),
  product_id   bigint NOT NULL REFERENCES products (id),
  quantity     integer NOT NULL CHECK (quantity > 0),
  price_cents  integer NOT NULL
);
CREATE INDEX order_items_order_id_idx ON order_items (order_id);
CREATE INDEX order_items_product_id_idx ON order_items (product_id);
