// Shared by the server's tests: the Putian city with a small generated history in a fresh
// store (PGlite in memory, or PostgreSQL when JICENG_TEST_PG_URL is set), an app over it, and
// tokens for its people.
import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { openStore, type EventStore } from '@jiceng/store';
import type { Actor } from '@jiceng/core';
import { createApp, type AppOptions } from '../src/app.js';
import { issueToken, type AuthConfig } from '../src/auth.js';
import { putianDemo, seedDemo, type PutianDemo } from '../src/demo.js';
import { LiveRecord } from '../src/record.js';
import { JicengApiError, JicengClient } from '../src/client.js';

let demo: PutianDemo | undefined;
/** The city and its scenario (built once per test file: 1–2 s). */
export function city(cases = 600): PutianDemo {
  return (demo ??= putianDemo({ cases }));
}

export const AUTH: AuthConfig = (() => {
  const key = new TextEncoder().encode('test-secret-test-secret-test-secret!');
  return { issuer: 'jiceng-test', audience: 'jiceng-api', alg: 'HS256', verifyKey: key, signKey: key };
})();

/** Which stores the tests run on: PGlite always, PostgreSQL when a URL is given. */
export const ENGINES: { name: string; open: () => Promise<EventStore> }[] = [
  { name: 'PGlite', open: () => openStore() },
  ...(process.env.JICENG_TEST_PG_URL ? [{ name: 'PostgreSQL', open: () => openPg(process.env.JICENG_TEST_PG_URL!) }] : []),
];

/** A fresh schema per test run on a shared PostgreSQL server. */
async function openPg(url: string): Promise<EventStore> {
  return openStore({ url: await freshPgUrl(url) });
}

/** The URL of a fresh, empty schema on a shared PostgreSQL server (for a test that opens the store itself, as `startServer` does). */
export async function freshPgUrl(url: string): Promise<string> {
  const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`CREATE SCHEMA ${schema}`);
  await c.end();
  return `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

export interface Harness {
  store: EventStore;
  record: LiveRecord;
  app: ReturnType<typeof createApp>;
  demo: PutianDemo;
  token(actor: Actor | string): Promise<string>;
  /** A client over the app in process. */
  client(token?: string): JicengClient;
  /** A client over the app in process, signed in as a demo person (`gw-<grid>`, `to1-<town>`…). */
  as(person: string): Promise<JicengClient>;
  /** The places the tests act in: the first case's unit, its grid, village and town, and another town of its county. */
  places(): { unit: string; grid: string; village: string; town: string; otherTown: string };
  req(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

/** Seeds a fresh store with the small history and builds the app. */
export async function harness(engine = ENGINES[0], options: Partial<AppOptions> = {}): Promise<Harness> {
  const d = city();
  const store = await engine.open();
  await seedDemo(store, d);
  const record = await LiveRecord.open(store, d.city);
  const app = createApp({ record, auth: AUTH, devSignin: true, heartbeatMs: 200, ...options });
  const token = (a: Actor | string) => {
    if (typeof a === 'string') {
      const m = /^([a-z]{2}[12]?)-(.+)$/.exec(a)!;
      const h = d.city.hierarchy;
      const lv = h.level(h.indexOf(m[2])).id;
      const role = lv === 'grid' ? (m[1] === 'gw' ? 'grid-worker' : 'grid-head') : `${lv}-officer`;
      return issueToken({ id: a, roles: [{ role, node: m[2] }] }, AUTH);
    }
    return issueToken(a, AUTH);
  };
  const fetchApp = (input: string, init?: RequestInit) => Promise.resolve(app.request(input, init));
  const client = (t?: string) => new JicengClient({ baseUrl: 'http://test', ...(t ? { token: t } : {}), fetch: fetchApp });
  return {
    store, record, app, demo: d, token, client,
    as: async (person) => client(await token(person)),
    places: () => {
      const h = d.city.hierarchy;
      const u = record.cases.facts.node[0];
      const t = h.ancestorAt(u, 'town');
      return {
        unit: h.code(u), grid: h.code(h.ancestorAt(u, 'grid')), village: h.code(h.ancestorAt(u, 'village')), town: h.code(t),
        otherTown: h.code(h.children(h.ancestorAt(t, 'county')).find((c) => c !== t)!),
      };
    },
    req: (path, init = {}) => {
      const { token: t, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (t) headers.set('authorization', `Bearer ${t}`);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return Promise.resolve(app.request(path, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json), method: rest.method ?? 'POST' } : {}) }));
    },
    close: async () => { record.close(); await store.close(); },
  };
}

/** Asserts that `p` fails with an API error of `status` (and `code`), with zh and en messages; gives the error. */
export async function fails(p: Promise<unknown>, status: number, code?: string): Promise<JicengApiError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  assert.ok(e instanceof JicengApiError, `expected an API error ${status}, got ${String(e)}`);
  assert.equal(e.status, status, `${e.status} ${e.error.code}`);
  if (code) assert.equal(e.error.code, code);
  assert.ok(e.error.zh && e.error.en, 'every error has zh and en');
  return e;
}
