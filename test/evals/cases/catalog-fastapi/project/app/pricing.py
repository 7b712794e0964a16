"""Client for the pricing service (currency conversion and promotions)."""
import os

import requests

PRICING_URL = os.environ.get("PRICING_URL", "http://pricing.internal:8080")


def localized_price(product_id: int, price_cents: int, currency: str) -> int:
    if currency == "EUR":
        return price_cents
    resp = requests.get(
        f"{PRICING_URL}/v1/convert",
        params={"product": product_id, "amount": price_cents, "to": currency},
    )
    resp.raise_for_status()
    return int(resp.json()["amount"])
