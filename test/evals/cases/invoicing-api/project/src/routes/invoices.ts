import { Router } from 'express';
import { z } from 'zod';
import { pool } from '../db/pool';
import { requireTenant, type TenantRequest } from '../middleware/tenant';

export const invoices = Router();
invoices.use(requireTenant);

interface InvoiceRow {
  id: number;
  number: string;
  status: string;
  due_date: string;
  customer_id: number;
}

invoices.get('/invoices', async (req, res) => {
  const { tenantId } = req as TenantRequest;
  const limit = Math.min(Number(req.query.limit ?? 50), 100);
  const { rows } = await pool.query<InvoiceRow>(
    'SELECT id, number, status, due_date, customer_id FROM invoices WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT $2',
    [tenantId, limit],
  );
  const result = [];
  for (const invoice of rows) {
    const lines = await pool.query('SELECT description, quantity, unit_cents FROM invoice_lines WHERE invoice_id = $1', [invoice.id]);
    const totalCents = lines.rows.reduce((sum, l) => sum + l.quantity * l.unit_cents, 0);
    result.push({ ...invoice, lines: lines.rows, totalCents });
  }
  res.json({ invoices: result });
});

invoices.get('/invoices/:id', async (req, res) => {
  const id = Number(req.params.id);
  const { rows } = await pool.query<InvoiceRow>('SELECT id, number, status, due_date, customer_id FROM invoices WHERE id = $1', [id]);
  if (rows.length === 0) {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such invoice.' } });
    return;
  }
  const lines = await pool.query('SELECT description, quantity, unit_cents FROM invoice_lines WHERE invoice_id = $1', [id]);
  res.json({ ...rows[0], lines: lines.rows });
});

const NewInvoice = z.object({
  customerId: z.number().int().positive(),
  number: z.string().min(1).max(40),
  dueDate: z.string().date(),
  lines: z
    .array(z.object({ description: z.string().min(1).max(200), quantity: z.number().int().positive(), unitCents: z.number().int().nonnegative() }))
    .min(1)
    .max(200),
});

invoices.post('/invoices', async (req, res) => {
  const { tenantId } = req as TenantRequest;
  const parsed = NewInvoice.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: { code: 'VALIDATION_ERROR', message: parsed.error.issues[0]?.message ?? 'Invalid invoice.' } });
    return;
  }
  const input = parsed.data;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const customer = await client.query('SELECT 1 FROM customers WHERE id = $1 AND tenant_id = $2', [input.customerId, tenantId]);
    if (customer.rowCount === 0) {
      await client.query('ROLLBACK');
      res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such customer.' } });
      return;
    }
    const inserted = await client.query<{ id: number }>(
      'INSERT INTO invoices (tenant_id, customer_id, number, due_date) VALUES ($1, $2, $3, $4) RETURNING id',
      [tenantId, input.customerId, input.number, input.dueDate],
    );
    const invoiceId = inserted.rows[0].id;
    for (const line of input.lines) {
      await client.query('INSERT INTO invoice_lines (invoice_id, description, quantity, unit_cents) VALUES ($1, $2, $3, $4)', [
        invoiceId,
        line.description,
        line.quantity,
        line.unitCents,
      ]);
    }
    await client.query('COMMIT');
    res.status(201).json({ id: invoiceId });
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
});
