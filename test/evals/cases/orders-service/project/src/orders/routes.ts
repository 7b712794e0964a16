import { Router } from 'express';
import { ordersForCustomer, orderWithItems, placeOrder } from './orderRepository';
import { publishOrderEvent } from '../realtime/orderEvents';

export const orderRoutes = Router();

orderRoutes.get('/customers/:id/orders', async (req, res, next) => {
  try {
    const page = Math.max(0, Number(req.query.page ?? 0) || 0);
    res.json(await ordersForCustomer(Number(req.params.id), page));
  } catch (err) {
    next(err);
  }
});

orderRoutes.get('/orders/:id', async (req, res, next) => {
  try {
    const order = await orderWithItems(Number(req.params.id));
    if (!order) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    res.json(order);
  } catch (err) {
    next(err);
  }
});

orderRoutes.post('/orders', async (req, res, next) => {
  try {
    const id = await placeOrder(req.body.customerId, req.body.items, req.body.address);
    publishOrderEvent({ orderId: id, status: 'pending' });
    res.status(201).json({ id });
  } catch (err) {
    next(err);
  }
});
