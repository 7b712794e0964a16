CREATE TABLE categories (
    id    serial PRIMARY KEY,
    slug  text NOT NULL UNIQUE,
    name  text NOT NULL
);

CREATE TABLE products (
    id           serial PRIMARY KEY,
    category_id  integer NOT NULL REFERENCES categories (id),
    name         text NOT NULL,
    description  text NOT NULL DEFAULT '',
    price_cents  integer NOT NULL CHECK (price_cents >= 0),
    active       boolean NOT NULL DEFAULT true,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX products_category_id_idx ON products (category_id) WHERE active;
CREATE INDEX products_name_lower_idx ON products (lower(name) text_pattern_ops);
