/**
 * Whether a JavaScript/TypeScript file runs in a server (where a hung outbound call holds a
 * request, a worker and a pool connection) or in a browser (where the user navigates away and
 * the browser bounds the call), or is a measuring harness (benchmarks, perf scripts). Decided
 * from the file itself, strongest evidence first: a `'use client'`/`'use server'` directive;
 * server-only imports (Node built-ins, server frameworks, database drivers, `next/server`,
 * `server-only`); browser imports (React, Vue, Svelte, Angular, `next/navigation`, DOM
 * libraries) or browser globals (`window`, `document`, `localStorage`); then its location
 * (`server/`, `backend/`, `workers/` and route handlers against `static/`, `public/`, `components/`, `hooks/`,
 * Next.js `pages/` outside `pages/api`). Not by extension alone.
 */
import type { CodeFile } from '../engine/codeFile';

export type Runtime = 'server' | 'browser' | 'harness';

const NODE_BUILTINS = new Set([
  'fs', 'path', 'http', 'https', 'net', 'tls', 'dns', 'os', 'child_process', 'cluster', 'worker_threads', 'stream', 'zlib', 'crypto', 'readline', 'util', 'events', 'buffer', 'url',
]);
const SERVER_MODULES =
  /^(node:.*|express|koa|@koa\/.*|fastify|@fastify\/.*|hono|@hono\/.*|@nestjs\/.*|next\/server|next\/headers|server-only|pg|pg-pool|postgres|mysql2?|sqlite3|better-sqlite3|kysely|knex|typeorm|sequelize|mongoose|mongodb|@prisma\/client|drizzle-orm(\/.*)?|ioredis|redis|bullmq|undici|@aws-sdk\/.*|firebase-admin|winston|pino|@trpc\/server|graphql-yoga|apollo-server.*|@apollo\/server)$/;
const BROWSER_MODULES =
  /^(react|react-dom(\/.*)?|vue|vue-router|pinia|svelte(\/.*)?|@sveltejs\/kit\/.*|@angular\/.*|next\/navigation|next\/router|next\/link|next\/image|jquery|bowser|swr|@tanstack\/(react|vue|svelte)-query|tom-select|htmx\.org|alpinejs|preact(\/.*)?|solid-js|@remix-run\/react)$/;
const BROWSER_GLOBALS = /\b(window|document|localStorage|sessionStorage|navigator)\s*\.\s*[A-Za-z_]/;
const SERVER_FOLDERS = /(^|\/)(server|servers|backend|functions|lambdas?|workers?|jobs|cron)\//;
const BROWSER_FOLDERS = /(^|\/)(static|project-static|public|assets|frontend|client|web|www|components|hooks|ui|browser|extension)\//;
const HARNESS_FOLDERS = /(^|\/)(perf|perfTests?|perf-tests?|bench|benchmarks?|load-?tests?|stress)\//i;

const cache = new WeakMap<CodeFile, Runtime>();

function directive(file: CodeFile): string | undefined {
  const first = file.root.namedChildren.find((c) => !!c && c.type !== 'comment');
  if (first?.type === 'expression_statement') {
    const s = first.namedChildren[0];
    if (s?.type === 'string') {
      return s.text.slice(1, -1);
    }
  }
  return undefined;
}

function decide(file: CodeFile): Runtime {
  if (HARNESS_FOLDERS.test(file.path)) {
    return 'harness';
  }
  const d = directive(file);
  if (d === 'use client') {
    return 'browser';
  }
  if (d === 'use server') {
    return 'server';
  }
  const mods = [...file.modules()];
  if (mods.some((m) => SERVER_MODULES.test(m) || NODE_BUILTINS.has(m))) {
    return 'server';
  }
  if (mods.some((m) => BROWSER_MODULES.test(m)) || BROWSER_GLOBALS.test(file.text)) {
    return 'browser';
  }
  const path = file.path;
  // Next.js: route handlers and pages/api run on the server; other pages are components
  if (/(^|\/)route\.[cm]?[jt]s$/.test(path) || /(^|\/)pages\/api\//.test(path) || SERVER_FOLDERS.test(path)) {
    return 'server';
  }
  if (BROWSER_FOLDERS.test(path) || /(^|\/)pages\//.test(path)) {
    return 'browser';
  }
  // a React component file with nothing server-side in it
  return file.isJsx ? 'browser' : 'server';
}

/** Where the file's code runs (JavaScript/TypeScript files; Python is always server code). */
export function runtimeOf(file: CodeFile): Runtime {
  if (file.spec.ruleLanguage === 'python') {
    return HARNESS_FOLDERS.test(file.path) ? 'harness' : 'server';
  }
  let r = cache.get(file);
  if (!r) {
    r = decide(file);
    cache.set(file, r);
  }
  return r;
}
