// `pnpm bench store`: the system of record on PGlite and on PostgreSQL side by side, and
// Emmett's PostgreSQL event store (`appendToStream`) on the same PostgreSQL in the same run.
//  - single-command append latency p50/p99 and throughput, 1 and 16 concurrent writers;
//  - import of the generated history (`jiceng history --out`) beside a bare COPY of the same
//    lines into a one-column table (the floor for moving those bytes into the database);
//  - reopen to ready from the case projection's snapshot;
//  - disk bytes per event.
// Env: JICENG_TEST_PG_URL (else a throw-away cluster is started with scripts/postgres.sh),
// JICENG_BENCH_LOG (default .tmp/bench/history.jsonl, generated if missing),
// JICENG_BENCH_EVENTS (import only the first N lines; default all),
// JICENG_BENCH_PARTS=append (only the append figures, into bench/results/store-append.*),
// JICENG_BENCH_PARTS=reopen (only the reopen, into bench/results/store-reopen.*: the stores are
//   kept between runs — schema bench_reopen_<N|all> on the server, .tmp/bench/reopen-pglite-<N|all> —
//   and the log imported into them once (importLog resumes, so a run after the first only
//   reads the log); then the fold, the snapshot, and the reopen timed as in the full run, with
//   its parts measured on a second reopen. Set JICENG_TEST_PG_URL to a cluster that outlives
//   the run, else the schema goes with the throw-away cluster.)
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import pg from 'pg';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { buildHierarchy, CaseStore } from '@jiceng/core';
import { buildCategoryTable, decodeCaseSnapshot, DEFAULT_CATEGORIES, encodeCaseSnapshot, gbt47678Categories, type AnyCaseEvent } from '@jiceng/core/cases';
import { generatePutian } from '@jiceng/putian';
import { CaseProjection, caseSnapshotBytes, copyField, openStore, type EventStore, type StoreOptions } from '@jiceng/store';

const LOG = process.env.JICENG_BENCH_LOG ?? '.tmp/bench/history.jsonl';
const LIMIT = process.env.JICENG_BENCH_EVENTS ? Number(process.env.JICENG_BENCH_EVENTS) : Infinity;
/** `JICENG_BENCH_PARTS=append`: only the append figures (ours on both engines and Emmett), into bench/results/store-append.*. */
const APPEND_ONLY = process.env.JICENG_BENCH_PARTS === 'append';
const REOPEN_ONLY = process.env.JICENG_BENCH_PARTS === 'reopen';
const OUT = APPEND_ONLY ? 'store-append' : REOPEN_ONLY ? 'store-reopen' : 'store';
const KEPT = Number.isFinite(LIMIT) ? String(LIMIT) : 'all';
const SCHEMA = APPEND_ONLY ? 'bench_ours_append' : REOPEN_ONLY ? `bench_reopen_${KEPT}` : 'bench_ours';
const EMMETT_DB = APPEND_ONLY ? 'bench_emmett_append' : 'bench_emmett';
const started = new Date();
const startLoad = loadavg().map((x) => x.toFixed(1)).join(' ');

let pgUrl = process.env.JICENG_TEST_PG_URL;
let ownCluster = false;
if (!pgUrl) {
  const out = execFileSync('bash', ['scripts/postgres.sh', 'start'], { encoding: 'utf8' });
  pgUrl = /JICENG_TEST_PG_URL=(\S+)/.exec(out)![1];
  ownCluster = true;
}
if (!existsSync(LOG) && !APPEND_ONLY) {
  mkdirSync('.tmp/bench', { recursive: true });
  console.log(`generating ${LOG} …`);
  // main.ts exports `main` and does not run it by itself (bin/jiceng.js does, from dist/).
  const gen = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e',
    `const { main } = await import('./packages/cli/src/main.ts'); process.exitCode = await main(['history', '--out', ${JSON.stringify(LOG)}]);`], { stdio: 'inherit' });
  if (gen.status !== 0 || !existsSync(LOG)) throw new Error(`could not generate ${LOG}`);
}

async function freshSchema(name: string): Promise<string> {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  await c.query(REOPEN_ONLY ? `CREATE SCHEMA IF NOT EXISTS ${name}` : `DROP SCHEMA IF EXISTS ${name} CASCADE; CREATE SCHEMA ${name}`);
  await c.end();
  return `${pgUrl}${pgUrl!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${name}`)}`;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

interface AppendFigures { p50: number; p99: number; perSecond: number; n: number }

/** `writers` loops, each appending `each` single-event commands to its own streams with the expected version. */
async function appendLoad(append: (stream: string, version: number, i: number) => Promise<void>, writers: number, each: number, tag: string): Promise<AppendFigures> {
  const lat: number[] = [];
  const t0 = performance.now();
  await Promise.all(Array.from({ length: writers }, async (_, w) => {
    const versions = new Map<string, number>();
    for (let i = 0; i < each; i++) {
      const stream = `case-${tag}-${w}-${i % 10}`;
      const v = versions.get(stream) ?? 0;
      const t = performance.now();
      await append(stream, v, i);
      lat.push(performance.now() - t);
      versions.set(stream, v + 1);
    }
  }));
  const total = performance.now() - t0;
  return { p50: pct(lat, 50), p99: pct(lat, 99), perSecond: (writers * each) / (total / 1000), n: writers * each };
}

const event = (i: number) => ({ type: 'progressReported', data: { note: `进展 ${i}`, attachments: [] }, meta: { actor: 'u-7', role: 'village-officer', roleNode: '350302101001' }, time: 1_741_570_200_000 + i });

async function oursAppends(store: EventStore, writers: number, each: number, tag: string) {
  return appendLoad(async (stream, v, i) => {
    const r = await store.append(stream, [event(i)], { expectedVersion: v === 0 ? 'none' : v, commandId: `${tag}-${stream}-${i}` });
    if (!r.ok) throw new Error('unexpected conflict');
  }, writers, each, tag);
}

/**
 * The log's lines a piece at a time (about a megabyte of lines per array, as the CLI's
 * `readLines` splits them): one await a piece instead of one a line through readline, whose
 * string_decoder and per-line events were a fifth of the import's samples. The same reader
 * feeds the bare COPY, the import and the fold.
 */
async function* logLines(limit: number): AsyncGenerator<string[]> {
  let n = 0;
  let rest = '';
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of createReadStream(LOG, { highWaterMark: 1 << 20 })) {
    const text = rest + decoder.decode(chunk as Buffer, { stream: true });
    const out: string[] = [];
    let start = 0;
    let end: number;
    while ((end = text.indexOf('\n', start)) >= 0) {
      if (n++ >= limit) break;
      out.push(text.slice(start, end));
      start = end + 1;
    }
    rest = text.slice(start);
    if (out.length) yield out;
    if (n >= limit) return;
  }
  rest += decoder.decode();
  if (rest !== '' && n < limit) yield [rest];
}

async function bareCopy(store: EventStore, limit: number, batch: number): Promise<number> {
  await store.engine.exec('DROP TABLE IF EXISTS bare_copy; CREATE TABLE bare_copy (line text)');
  const t0 = performance.now();
  let text = '';
  let k = 0;
  for await (const piece of logLines(limit)) {
    for (const line of piece) {
      text += `${copyField(line)}\n`;
      if (++k === batch) {
        await store.engine.transaction((tx) => tx.copyIn('bare_copy', ['line'], text));
        text = '';
        k = 0;
      }
    }
  }
  if (k) await store.engine.transaction((tx) => tx.copyIn('bare_copy', ['line'], text));
  const ms = performance.now() - t0;
  await store.engine.exec('DROP TABLE bare_copy');
  return ms;
}

async function relationBytes(store: EventStore): Promise<number> {
  const r = await store.engine.query<{ b: number }>(`SELECT (pg_total_relation_size('jc_events') + pg_total_relation_size('jc_streams'))::float8 AS b`);
  return Number(r[0].b);
}

/**
 * CPU seconds used so far by this process (PGlite runs in it) plus, on a server, by every
 * backend connected to the store's database (the pool's connections live through a run).
 * The machine is shared, so wall time is noisy; CPU time says what the work itself costs.
 */
async function cpuSeconds(store: EventStore, clientsOnly = false): Promise<number> {
  const u = process.cpuUsage();
  let cpu = (u.user + u.system) / 1e6;
  if (store.kind === 'postgres') {
    // clientsOnly: the connections' backends alone, not an autovacuum worker that happens to run on the database.
    const pids = await store.engine.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()${clientsOnly ? " AND backend_type = 'client backend'" : ''}`);
    for (const { pid } of pids) {
      try {
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        cpu += (Number(f[11]) + Number(f[12])) / 100; // utime + stime in clock ticks (100 a second)
      } catch {
        /* the backend has gone */
      }
    }
  }
  return cpu;
}

function duBytes(dir: string): number {
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
}

// The Putian city for the case projection.
const data = generatePutian({ seed: 1 });
const h = buildHierarchy(data.config, data.nodes);
if (!h.ok) throw new Error('Putian does not build');
const cats = buildCategoryTable([...DEFAULT_CATEGORIES, ...gbt47678Categories()]);
if (!cats.ok) throw new Error('categories');
const ctx = { hierarchy: h.value, categories: cats.value };

type Row = Record<string, string | number>;
const results: Record<string, Row> = {};
const BATCH = 50_000;

/** CPU seconds of this process alone (before a store's connections exist). */
const ownCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/**
 * The reopen once more, its parts timed one by one (wall and CPU, this process plus the
 * database's backends): open (connect, migration check), the snapshot's read, its decoding
 * into a CaseStore, the feed's catch-up. The same calls CaseProjection.open makes, in turn.
 */
async function reopenParts(opts: StoreOptions): Promise<Row> {
  const out: Row = {};
  let t = performance.now();
  let c = ownCpu();
  const again = await openStore(opts);
  const step = async (name: string) => {
    const now = performance.now();
    const cpu = await cpuSeconds(again, true);
    out[`reopen: ${name} (s, CPU s)`] = `${((now - t) / 1000).toFixed(2)}, ${(cpu - c).toFixed(2)}`;
    t = performance.now();
    c = await cpuSeconds(again, true);
  };
  await step('open the store');
  const snap = await again.loadSnapshot('cases');
  await step('read the snapshot');
  // Deflated behind a 4-byte mark (caseSnapshotBytes): inflated as CaseProjection.open does.
  const body = await promisify(inflateRaw)(snap!.data.subarray(4), { chunkSize: 1 << 22 });
  await step('inflate the snapshot');
  const restored = decodeCaseSnapshot(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), ctx, { capacity: 600_000 });
  if (!restored) throw new Error('the snapshot does not decode');
  await step('decode the snapshot');
  const proj = await CaseProjection.open(again, ctx, { capacity: 600_000, fromSnapshot: false });
  // A projection at the snapshot's position over the decoded store: the catch-up as open() would run it.
  Object.assign(proj, { cases: restored, position: snap!.position });
  t = performance.now();
  c = await cpuSeconds(again, true);
  await proj.catchUp();
  await step('catch up the feed');
  await again.close();
  return out;
}

async function engineRun(label: string, opts: StoreOptions, dataDir?: string) {
  console.log(`\n— ${label}`);
  const store = await openStore(opts);
  if (REOPEN_ONLY) {
    const [{ n }] = await store.engine.query<{ n: number }>('SELECT count(*)::float8 AS n FROM jc_events');
    const t0 = performance.now();
    const p = await store.importLog(logLines(LIMIT), { name: 'bench', batchSize: BATCH });
    console.log(`  import (resumed after ${n} events): ${p.events} events, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const [{ m }] = await store.engine.query<{ m: number }>('SELECT count(*)::float8 AS m FROM jc_events');
    results[label] = { 'events in the store': m };
    await reopenRun(label, store, opts);
    return;
  }
  const one = await oursAppends(store, 1, 300, 'one');
  console.log(`  append, 1 writer: p50 ${one.p50.toFixed(2)} ms, p99 ${one.p99.toFixed(2)} ms, ${one.perSecond.toFixed(0)}/s`);
  const many = await oursAppends(store, 16, 40, 'many');
  console.log(`  append, 16 writers: p50 ${many.p50.toFixed(2)} ms, p99 ${many.p99.toFixed(2)} ms, ${many.perSecond.toFixed(0)}/s`);
  // Import into a clean store: drop the appended rows first so the figures are the log's.
  await store.engine.exec('TRUNCATE jc_events, jc_streams, jc_commands, jc_imports RESTART IDENTITY');
  const before = dataDir ? duBytes(dataDir) : 0;
  results[label] = {
    'append p50, 1 writer (ms)': one.p50.toFixed(2), 'append p99, 1 writer (ms)': one.p99.toFixed(2), 'appends/s, 1 writer': Math.round(one.perSecond),
    'append p50, 16 writers (ms)': many.p50.toFixed(2), 'append p99, 16 writers (ms)': many.p99.toFixed(2), 'appends/s, 16 writers': Math.round(many.perSecond),
  };
  if (APPEND_ONLY) {
    await store.close();
    await save();
    return;
  }
  const c0 = await cpuSeconds(store);
  const bare = await bareCopy(store, LIMIT, BATCH);
  const bareCpu = (await cpuSeconds(store)) - c0;
  console.log(`  bare COPY of the lines: ${(bare / 1000).toFixed(1)} s (${bareCpu.toFixed(1)} CPU s); load ${loadavg()[0].toFixed(1)}`);
  const c1 = await cpuSeconds(store);
  const t0 = performance.now();
  const p = await store.importLog(logLines(LIMIT), { name: 'bench', batchSize: BATCH });
  const importMs = performance.now() - t0;
  const importCpu = (await cpuSeconds(store)) - c1;
  console.log(`  import: ${p.events} events in ${(importMs / 1000).toFixed(1)} s (${importCpu.toFixed(1)} CPU s, ${(p.events / (importMs / 1000)).toFixed(0)}/s), ${p.issues.length} refused; load ${loadavg()[0].toFixed(1)}`);
  const rel = await relationBytes(store);
  const disk = dataDir ? duBytes(dataDir) - before : NaN;
  Object.assign(results[label], {
    'events imported': p.events, 'import (s)': (importMs / 1000).toFixed(1), 'import CPU (s, node + database)': importCpu.toFixed(1), 'import events/s': Math.round(p.events / (importMs / 1000)),
    'bare COPY of the same lines (s)': (bare / 1000).toFixed(1), 'bare COPY CPU (s)': bareCpu.toFixed(1), 'import / bare COPY': (importMs / bare).toFixed(2), 'import / bare COPY, CPU': (importCpu / bareCpu).toFixed(2),
    'table+index bytes per event': Math.round(rel / p.events), 'data directory bytes per event': Number.isNaN(disk) ? '—' : Math.round(disk / p.events),
    'load average during import': loadavg()[0].toFixed(1),
  });
  await save();
  await reopenRun(label, store, opts);
}

/** The case projection's snapshot at the end of the import (built once by folding the same lines), then the reopen from it. */
async function reopenRun(label: string, store: EventStore, opts: StoreOptions) {
  const cases = await folded();
  const [{ last }] = await store.engine.query<{ last: number }>('SELECT max(position)::float8 AS last FROM jc_events');
  const raw = encodeCaseSnapshot(cases);
  const snap = await caseSnapshotBytes(cases); // what CaseProjection.saveSnapshot stores
  await store.saveSnapshot('cases', Number(last), snap);
  await store.setCheckpoint('cases', Number(last));
  await store.close();
  const r0 = performance.now();
  const rc0 = ownCpu();
  const again = await openStore(opts);
  const proj = await CaseProjection.open(again, ctx, { capacity: 600_000 });
  await proj.catchUp();
  const reopenMs = performance.now() - r0;
  const reopenCpu = (await cpuSeconds(again, true)) - rc0;
  if (proj.cases.size !== cases.size) throw new Error(`reopened projection has ${proj.cases.size} cases, want ${cases.size}`);
  console.log(`  reopen to ready from the snapshot (${proj.cases.size} cases, ${(snap.length / 1e6).toFixed(0)} MB): ${(reopenMs / 1000).toFixed(2)} s`);
  await again.close();
  Object.assign(results[label], {
    'reopen to ready from snapshot (s)': (reopenMs / 1000).toFixed(2), 'reopen CPU (s, node + database)': reopenCpu.toFixed(2), 'cases in the snapshot': proj.cases.size, 'snapshot bytes': snap.length, 'snapshot bytes before deflate': raw.length,
  });
  if (REOPEN_ONLY) Object.assign(results[label], await reopenParts(opts), { 'load average at the reopen': loadavg()[0].toFixed(1) });
  await save();
}

let foldedCases: CaseStore | undefined;
async function folded(): Promise<CaseStore> {
  if (foldedCases) return foldedCases;
  const cases = new CaseStore(ctx, { keepLog: false, capacity: 600_000 });
  for await (const piece of logLines(LIMIT)) for (const line of piece) if (!line.startsWith('{"chain"')) cases.apply(JSON.parse(line) as AnyCaseEvent);
  return (foldedCases = cases);
}

async function emmettRun() {
  console.log('\n— Emmett (emmett-postgresql 0.42.0) on the same PostgreSQL');
  // A database of its own: Emmett's migrations keep their own bookkeeping.
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${EMMETT_DB}`);
  await admin.query(`CREATE DATABASE ${EMMETT_DB}`);
  await admin.end();
  const url = pgUrl!.replace(/\/[^/?]+(\?|$)/, `/${EMMETT_DB}$1`);
  const es = getPostgreSQLEventStore(url);
  const append = (stream: string, v: number, i: number) =>
    es.appendToStream(stream, [{ type: 'progressReported', data: event(i).data, metadata: event(i).meta }], { expectedStreamVersion: BigInt(v) }).then(() => undefined);
  await append('case-warm', 0, 0);
  const one = await appendLoad(append, 1, 300, 'one');
  const many = await appendLoad(append, 16, 40, 'many');
  console.log(`  append, 1 writer: p50 ${one.p50.toFixed(2)} ms, p99 ${one.p99.toFixed(2)} ms; 16 writers: p50 ${many.p50.toFixed(2)}, p99 ${many.p99.toFixed(2)}, ${many.perSecond.toFixed(0)}/s`);
  await es.close();
  results['Emmett appendToStream (PostgreSQL)'] = {
    'append p50, 1 writer (ms)': one.p50.toFixed(2), 'append p99, 1 writer (ms)': one.p99.toFixed(2), 'appends/s, 1 writer': Math.round(one.perSecond),
    'append p50, 16 writers (ms)': many.p50.toFixed(2), 'append p99, 16 writers (ms)': many.p99.toFixed(2), 'appends/s, 16 writers': Math.round(many.perSecond),
  };
  await save();
}

let serverVersion = '?';
async function save(): Promise<void> {
  if (serverVersion === '?') {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    serverVersion = (await c.query('SHOW server_version')).rows[0].server_version as string;
    await c.end();
  }
  const labels = Object.keys(results);
  const keys = [...new Set(labels.flatMap((l) => Object.keys(results[l])))];
  const machine = `${cpus()[0]?.model ?? '?'}, ${cpus().length} cores (nproc), ${(totalmem() / 2 ** 30).toFixed(1)} GB (${(freemem() / 2 ** 30).toFixed(1)} GB free), Node ${process.version}, PostgreSQL ${serverVersion}, PGlite 0.5.16, started ${started.toISOString()}, load average at start ${startLoad}, now ${loadavg().map((x) => x.toFixed(1)).join(' ')}`;
  const md = `# Event store benchmark

Workload: the generated Putian history (\`jiceng history --out\`: 533,500 cases, hash-chained lines and a trailer), ${Number.isFinite(LIMIT) ? `its first ${LIMIT.toLocaleString('en-US')} lines` : 'all of it'}; single-event commands appended with their expected version and a command id (each writer to its own ten streams). Command: \`pnpm bench store\`${Number.isFinite(LIMIT) ? ` with \`JICENG_BENCH_EVENTS=${LIMIT}\`` : ''}${APPEND_ONLY ? ' with `JICENG_BENCH_PARTS=append` (the append figures only)' : ''}${REOPEN_ONLY ? ' with `JICENG_BENCH_PARTS=reopen` (the reopen only, over stores that hold the imported log; its parts timed on a second reopen)' : ''}.
Machine: ${machine}. The machine is shared by other jobs during the run (2 cores, up to 8 helpers): wall times are noisy; the CPU seconds (this process plus the database's backends) say what the work costs.
PostgreSQL: a throw-away cluster (scripts/postgres.sh: default settings, fsync on) on 127.0.0.1. PGlite: a data directory on the local disk.
Import: the log read a megabyte of lines at a time (the same reader for the bare COPY, the import and the fold); batches of ${BATCH.toLocaleString('en-US')} lines, each one transaction (COPY of the rows written straight into one buffer + stream versions + progress row), the next batch read while one is written. Bare COPY: the same lines, same batches, into a one-column table — the floor.
Reopen: open the store, load the case projection's snapshot (CaseStore's typed columns, binary: since this session's format 2 constant columns and times packed, and deflated by the store), catch up the feed after it.

| | ${labels.join(' | ')} |
|---|${labels.map(() => '---').join('|')}|
${keys.map((k) => `| ${k} | ${labels.map((l) => (results[l][k] ?? '—').toLocaleString('en-US')).join(' | ')} |`).join('\n')}
`;
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/${OUT}.md`, md);
  writeFileSync(`bench/results/${OUT}.json`, `${JSON.stringify({ machine, limit: Number.isFinite(LIMIT) ? LIMIT : null, results }, null, 2)}\n`);
  console.log(`\n${md}`);
}

try {
  if (REOPEN_ONLY) {
    await engineRun('ours on PostgreSQL', { url: await freshSchema(SCHEMA), poolSize: 20 });
    mkdirSync(`.tmp/bench/reopen-pglite-${KEPT}`, { recursive: true });
    await engineRun('ours on PGlite (data directory)', { dataDir: `.tmp/bench/reopen-pglite-${KEPT}` });
  } else {
  await engineRun('ours on PostgreSQL', { url: await freshSchema(SCHEMA), poolSize: 20 });
  await emmettRun();
  const dir = mkdtempSync(join(tmpdir(), 'jiceng-bench-pglite-'));
  try {
    await engineRun('ours on PGlite (data directory)', { dataDir: dir }, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  }
} finally {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  if (!REOPEN_ONLY) await c.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await c.query(`DROP DATABASE IF EXISTS ${EMMETT_DB}`);
  await c.end();
  if (ownCluster) execFileSync('bash', ['scripts/postgres.sh', 'stop'], { stdio: 'inherit' });
}
