import { db } from '../db';

export interface Order {
  id: number;
  customer_id: number;
  status: string;
  total_cents: number;
  created_at: Date;
}

export interface NewOrderItem {
  productId: number;
  quantity: number;
}

/** The customer's order history page (most recent first). */
export async function ordersForCustomer(customerId: number, page: number): Promise<Order[]> {
  const pageSize = 20;
  const { rows } = await db.query(
    'SELECT * FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT $2 OFFSET $3',
    [customerId, pageSize, page * pageSize],
  );
  return rows;
}

export async function orderWithItems(orderId: number): Promise<(Order & { items: unknown[] }) | undefined> {
  const order = await db.query<Order>('SELECT id, customer_id, status, total_cents, created_at FROM orders WHERE id = $1', [orderId]);
  if (order.rowCount === 0) {
    return undefined;
  }
  const items = await db.query(
    `SELECT i.product_id, p.title, i.quantity, i.price_cents
       FROM order_items i JOIN products p ON p.id = i.product_id
      WHERE i.order_id = $1`,
    [orderId],
  );
  return { ...order.rows[0], items: items.rows };
}

/** Places an order: stock is reserved, the order and its items are written. */
export async function placeOrder(customerId: number, items: NewOrderItem[], address: object): Promise<number> {
  let total = 0;
  for (const item of items) {
    const { rows } = await db.query<{ price_cents: number }>(
      'UPDATE products SET stock = stock - $1 WHERE id = $2 AND stock >= $1 RETURNING price_cents',
      [item.quantity, item.productId],
    );
    if (rows.length === 0) {
      throw new Error(`product ${item.productId} is out of stock`);
    }
    total += rows[0].price_cents * item.quantity;
  }
  const created = await db.query<{ id: number }>(
    'INSERT INTO orders (customer_id, total_cents, shipping_address) VALUES ($1, $2, $3) RETURNING id',
    [customerId, total, JSON.stringify(address)],
  );
  const orderId = created.rows[0].id;
  for (const item of items) {
    await db.query(
      'INSERT INTO order_items (order_id, product_id, quantity, price_cents) SELECT $1, id, $2, price_cents FROM products WHERE id = $3',
      [orderId, item.quantity, item.productId],
    );
  }
  return orderId;
}
