import express from 'express';
import { invoices } from './routes/invoices';

const app = express();
app.use(express.json({ limit: '256kb' }));
app.get('/healthz', (_req, res) => {
  res.json({ ok: true });
});
app.use('/api/v1', invoices);

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, () => console.log(`invoicing-api listening on ${port}`));

process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
});
