import { WebSocketServer, WebSocket } from 'ws';

export interface OrderEvent {
  orderId: number;
  status: string;
}

const wss = new WebSocketServer({ port: Number(process.env.WS_PORT ?? 8081) });

wss.on('connection', (socket) => {
  socket.send(JSON.stringify({ type: 'hello' }));
});

/** Tells the dashboards that an order changed. */
export function publishOrderEvent(event: OrderEvent): void {
  const payload = JSON.stringify({ type: 'order', ...event });
  for (const client of wss.clients) {
    if (client.readyState === WebSocket.OPEN) {
      client.send(payload);
    }
  }
}
