/**
 * What a schema needs before its first statement runs: the extensions it creates, the roles it
 * grants to or hands ownership to, and whether it creates its tool's tracking table itself.
 */
import { splitStatements } from '../schema/splitStatements';

export interface Prescan {
  readonly extensions: string[];
  readonly roles: string[];
  readonly createdTables: Set<string>;
}

const NOT_ROLES = new Set(['public', 'current_user', 'session_user', 'current_role', 'postgres', 'pg_database_owner']);

function ident(raw: string): string {
  const t = raw.trim();
  return t.startsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : t.toLowerCase();
}

const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
const IDENT_LIST = String.raw`${IDENT}(?:\s*,\s*${IDENT})*`;

export function prescan(texts: Iterable<string>): Prescan {
  const extensions = new Set<string>();
  const roles = new Set<string>();
  const created = new Set<string>();
  const createdRoles = new Set<string>();
  const addRoles = (list: string) => {
    for (const m of list.matchAll(new RegExp(IDENT, 'g'))) {
      const r = ident(m[0]);
      if (!NOT_ROLES.has(r.toLowerCase()) && !/^pg_/.test(r)) {
        roles.add(r);
      }
    }
  };
  for (const text of texts) {
    for (const s of splitStatements(text)) {
      if (s.meta) {
        continue;
      }
      const t = s.text.replace(/--[^\n]*/g, ' ');
      let m = new RegExp(String.raw`^CREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?(${IDENT})`, 'i').exec(t);
      if (m) {
        extensions.add(ident(m[1]));
        continue;
      }
      m = new RegExp(String.raw`^CREATE\s+(?:ROLE|USER|GROUP)\s+(?:IF\s+NOT\s+EXISTS\s+)?(${IDENT})`, 'i').exec(t);
      if (m) {
        createdRoles.add(ident(m[1]));
      }
      m = new RegExp(String.raw`^CREATE\s+(?:UNLOGGED\s+|TEMP(?:ORARY)?\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?((?:${IDENT}\.)?${IDENT})`, 'i').exec(t);
      if (m) {
        created.add(m[1].split('.').map(ident).join('.'));
      }
      for (const r of t.matchAll(new RegExp(String.raw`\bOWNER\s+TO\s+(${IDENT})`, 'gi'))) {
        addRoles(r[1]);
      }
      for (const r of t.matchAll(new RegExp(String.raw`\bAUTHORIZATION\s+(${IDENT})`, 'gi'))) {
        addRoles(r[1]);
      }
      for (const r of t.matchAll(new RegExp(String.raw`\bFOR\s+(?:ROLE|USER)\s+(${IDENT_LIST})`, 'gi'))) {
        addRoles(r[1]);
      }
      if (/^(GRANT|REVOKE)\b/i.test(t)) {
        const to = new RegExp(String.raw`\b(?:TO|FROM)\s+((?:GROUP\s+)?${IDENT_LIST})`, 'i').exec(t);
        if (to) {
          addRoles(to[1].replace(/^GROUP\s+/i, ''));
        }
        // GRANT role_a TO role_b: both are roles.
        const membership = new RegExp(String.raw`^GRANT\s+(${IDENT_LIST})\s+TO\b`, 'i').exec(t);
        if (membership && !/\bON\b/i.test(t)) {
          addRoles(membership[1]);
        }
      }
      if (/^CREATE\s+POLICY\b/i.test(t)) {
        const to = new RegExp(String.raw`\bTO\s+(${IDENT_LIST})`, 'i').exec(t);
        if (to) {
          addRoles(to[1]);
        }
      }
      m = new RegExp(String.raw`^(?:SET\s+(?:SESSION\s+AUTHORIZATION|ROLE)|ALTER\s+(?:ROLE|USER))\s+(${IDENT})`, 'i').exec(t);
      if (m && !/^(none|default|all)$/i.test(m[1])) {
        addRoles(m[1]);
      }
    }
  }
  for (const r of createdRoles) {
    roles.delete(r);
  }
  return { extensions: [...extensions], roles: [...roles].sort(), createdTables: created };
}
