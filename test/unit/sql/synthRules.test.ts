/**
 * Strings generated for CHECK regular expressions: evaluated here with JavaScript's RegExp (the
 * same meaning as Postgres's for this subset) on the SQL expression's value for a few rows.
 */
import * as assert from 'node:assert/strict';
import type { TableModel } from '../../../src/core/sql';
import { insertionOrder } from '../../../src/core/sql/synth';
import { regexChecks, regexValue } from '../../../src/core/sql/synthRegex';

/** Evaluates the few SQL forms regexValue emits: 'lit' || translate(…), lpad, %, greatest, length. */
function evaluate(sql: string, row: number): string {
  const js = sql
    .replace(/'((?:[^']|'')*)'/g, (_m, s: string) => JSON.stringify(s.replace(/''/g, "'")))
    .replace(/\|\|/g, '+')
    .replace(/::text/g, '')
    .replace(/\bs\.g\b/g, String(row));
  const fns = {
    translate: (s: unknown, from: string, to: string) => String(s).split('').map((c) => (from.includes(c) ? to[from.indexOf(c)] : c)).join(''),
    lpad: (s: unknown, n: number, p: string) => String(s).padStart(n, p).slice(0, n),
    greatest: Math.max,
    length: (s: unknown) => String(s).length,
  };
  return String(new Function(...Object.keys(fns), `return ${js};`)(...Object.values(fns)));
}

const CASES: readonly string[] = [
  '^[a-zA-Z]([_]?[a-zA-Z0-9])+$',
  '^[A-Z]{2}$',
  '^\\+[1-9][0-9]{7,14}$',
  '^P-[0-9]{4}$',
  "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$",
  '^[[:alnum:]_-]{3,30}$',
  '^(draft|published|archived)$',
  '^\\d{3}-\\d{4}$',
  '^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$',
  '^#[0-9a-fA-F]{6}$',
];

describe('sql: strings matching CHECK regular expressions', () => {
  for (const pattern of CASES) {
    it(`matches ${pattern}`, () => {
      const r = regexValue(pattern, 's.g');
      assert.ok(r, 'supported');
      const re = new RegExp(pattern.replace('[[:alnum:]_-]', '[A-Za-z0-9_-]'));
      const values = [1, 2, 9, 10, 11, 999, 12345].map((g) => evaluate(r.sql, g));
      for (const v of values) {
        assert.match(v, re, `${v} from ${r.sql}`);
      }
      if (r.distinct) {
        assert.equal(new Set(values).size, values.length, values.join(', '));
      }
    });
  }

  it('gives distinct values where a repeated position allows it (usernames)', () => {
    assert.equal(regexValue('^[a-zA-Z]([_]?[a-zA-Z0-9])+$', 's.g')?.distinct, true);
    assert.equal(regexValue('^(draft|published)$', 's.g')?.distinct, false);
  });

  it('refuses backreferences and lookarounds', () => {
    assert.equal(regexValue('^(a)\\1$', 's.g'), undefined);
    assert.equal(regexValue('^(?=x)y$', 's.g'), undefined);
  });

  it('reads the pattern of a CHECK as Postgres prints it', () => {
    const found = regexChecks(["CHECK ((username ~ '^[a-z]+$'::text))", "CHECK (((email)::text ~* '^.+@.+$'::text))"]);
    assert.deepEqual(found.get('username'), { pattern: '^[a-z]+$', caseless: false });
    assert.deepEqual(found.get('email'), { pattern: '^.+@.+$', caseless: true });
  });
});

describe('sql: insertion order of a foreign-key cycle', () => {
  const table = (name: string, fks: { name: string; col: string; ref: string; notNull: boolean }[]): TableModel => ({
    schema: 'public', name, qualified: `public.${name}`, primaryKey: ['id'], uniques: [], checks: [], indexes: [],
    columns: [{ name: 'id', type: 'integer', baseType: 'int4', category: 'N', notNull: true, generated: false }, ...fks.map((f) => ({ name: f.col, type: 'integer', baseType: 'int4', category: 'N', notNull: f.notNull, generated: false }))],
    foreignKeys: fks.map((f) => ({ name: f.name, columns: [f.col], refTable: `public.${f.ref}`, refColumns: ['id'] })),
  });

  it('breaks the cycle at the nullable key, whichever table comes first', () => {
    const departments = table('departments', [{ name: 'manager_fk', col: 'manager_id', ref: 'employees', notNull: false }]);
    const employees = table('employees', [{ name: 'department_fk', col: 'department_id', ref: 'departments', notNull: true }]);
    for (const tables of [[departments, employees], [employees, departments]]) {
      const { order, nulledFks } = insertionOrder(tables);
      assert.deepEqual(order.map((t) => t.name), ['departments', 'employees']);
      assert.deepEqual([...nulledFks], ['public.departments:manager_fk']);
    }
  });
});
