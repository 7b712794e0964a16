from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

from .db import pool
from .pricing import localized_price

app = FastAPI(title="catalog")


class Product(BaseModel):
    id: int
    name: str
    price_cents: int
    currency: str


@app.get("/healthz")
def healthz() -> dict:
    return {"ok": True}


@app.get("/products/{product_id}", response_model=Product)
def get_product(product_id: int, currency: str = "EUR") -> Product:
    with pool.connection() as conn:
        row = conn.execute(
            "SELECT id, name, price_cents FROM products WHERE id = %s AND active",
            (product_id,),
        ).fetchone()
    if row is None:
        raise HTTPException(status_code=404, detail="product not found")
    return Product(id=row[0], name=row[1], price_cents=localized_price(row[0], row[2], currency), currency=currency)


@app.get("/search", response_model=list[Product])
async def search(q: str = Query(min_length=2, max_length=100), category: str = "", currency: str = "EUR") -> list[Product]:
    sql = f"SELECT p.id, p.name, p.price_cents FROM products p JOIN categories c ON c.id = p.category_id WHERE p.active AND lower(p.name) LIKE '{q.lower()}%'"
    if category:
        sql += f" AND c.slug = '{category}'"
    sql += " ORDER BY p.name LIMIT 50"
    with pool.connection() as conn:
        rows = conn.execute(sql).fetchall()
    return [
        Product(id=r[0], name=r[1], price_cents=localized_price(r[0], r[2], currency), currency=currency)
        for r in rows
    ]
