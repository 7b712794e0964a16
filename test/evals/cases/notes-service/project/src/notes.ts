import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pool } from './db';

const Cursor = z.object({ updatedAt: z.string().datetime(), id: z.string().uuid() });
const NoteInput = z.object({ title: z.string().min(1).max(200), body: z.string().max(100_000) });

interface NoteRow {
  id: string;
  title: string;
  updated_at: Date;
}

export async function noteRoutes(app: FastifyInstance): Promise<void> {
  /** Recent notes of the caller's workspace, 50 per page, keyset-paginated. */
  app.get('/notes', async (req) => {
    const { workspaceId } = req.user;
    const raw = (req.query as { cursor?: string }).cursor;
    const cursor = raw ? Cursor.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))) : undefined;
    const { rows } = await pool.query<NoteRow>(
      `SELECT id, title, updated_at FROM notes
        WHERE workspace_id = $1 AND deleted_at IS NULL
          AND ($2::timestamptz IS NULL OR (updated_at, id) < ($2, $3::uuid))
        ORDER BY updated_at DESC, id DESC
        LIMIT 50`,
      [workspaceId, cursor?.updatedAt ?? null, cursor?.id ?? null],
    );
    const last = rows[rows.length - 1];
    const next = rows.length === 50 ? Buffer.from(JSON.stringify({ updatedAt: last.updated_at.toISOString(), id: last.id })).toString('base64url') : null;
    return { notes: rows, next };
  });

  app.put('/notes/:id', async (req, reply) => {
    const { workspaceId } = req.user;
    const input = NoteInput.parse(req.body);
    const { rowCount } = await pool.query(
      'UPDATE notes SET title = $1, body = $2, updated_at = now() WHERE id = $3 AND workspace_id = $4 AND deleted_at IS NULL',
      [input.title, input.body, (req.params as { id: string }).id, workspaceId],
    );
    if (rowCount === 0) {
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'No such note.' } });
    }
    return reply.code(204).send();
  });

  app.delete('/notes/:id', async (req, reply) => {
    const { workspaceId } = req.user;
    await pool.query('UPDATE notes SET deleted_at = now() WHERE id = $1 AND workspace_id = $2 AND deleted_at IS NULL', [
      (req.params as { id: string }).id,
      workspaceId,
    ]);
    return reply.code(204).send();
  });
}
