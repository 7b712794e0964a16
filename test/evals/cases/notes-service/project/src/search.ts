import { pool } from './db';

const SEARCH_TIMEOUT_MS = 1_500;

/** Full-text search through the search sidecar, falling back to a bounded title match. */
export async function searchNotes(workspaceId: string, term: string): Promise<{ id: string; title: string }[]> {
  try {
    const res = await fetch(`${process.env.SEARCH_URL}/workspaces/${encodeURIComponent(workspaceId)}/search?q=${encodeURIComponent(term)}`, {
      signal: AbortSignal.timeout(SEARCH_TIMEOUT_MS),
    });
    if (res.ok) {
      return (await res.json()) as { id: string; title: string }[];
    }
  } catch {
    // sidecar down or slow: fall through to the database
  }
  const { rows } = await pool.query<{ id: string; title: string }>(
    `SELECT id, title FROM notes
      WHERE workspace_id = $1 AND deleted_at IS NULL AND title ILIKE '%' || $2 || '%'
      ORDER BY updated_at DESC LIMIT 20`,
    [workspaceId, term.replace(/[\\%_]/g, (c) => `\\${c}`)],
  );
  return rows;
}
