// `jiceng import` and `jiceng export`: a generated history goes into the store (PGlite
// directory, and PostgreSQL when JICENG_TEST_PG_URL is set) and comes back byte-identical.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { EXIT, main, nodeIo } from '@jiceng/cli';

const PG_URL = process.env.JICENG_TEST_PG_URL;

function captured(cwd: string) {
  const io = nodeIo(cwd);
  let out = '';
  let err = '';
  return Object.assign(io, { out: (t: string) => { out += t; }, err: (t: string) => { err += t; }, stdout: () => out, stderr: () => err });
}

async function roundTrip(db: string, dir: string) {
  const gen = captured(dir);
  assert.equal(await main(['history', '--cases', '150', '--out', 'log.jsonl', '--lang', 'en'], gen), EXIT.ok, gen.stderr());
  const log = await readFile(join(dir, 'log.jsonl'), 'utf8');
  const n = log.trimEnd().split('\n').length;
  const imp = captured(dir);
  assert.equal(await main(['import', 'log.jsonl', '--db', db, '--batch', '500', '--lang', 'en'], imp), EXIT.ok, imp.stdout() + imp.stderr());
  assert.match(imp.stdout(), new RegExp(`^events stored: ${n.toLocaleString('en-US')}$`, 'm'));
  assert.match(imp.stdout(), /^refused lines: 0$/m);
  const exp = captured(dir);
  assert.equal(await main(['export', '--db', db, '--out', 'back.jsonl'], exp), EXIT.ok, exp.stderr());
  assert.equal(await readFile(join(dir, 'back.jsonl'), 'utf8'), log, 'byte-identical');
  // Run again: everything was committed, nothing is stored twice.
  const again = captured(dir);
  assert.equal(await main(['import', 'log.jsonl', '--db', db, '--lang', 'en'], again), EXIT.ok);
  assert.match(again.stdout(), new RegExp(`^resumed after line ${n.toLocaleString('en-US')}$`, 'm'));
  const toStdout = captured(dir);
  assert.equal(await main(['export', '--db', db], toStdout), EXIT.ok);
  assert.equal(toStdout.stdout(), log);
  // A second log with a broken line and one out of order: refused with line numbers, exit 1.
  await writeFile(join(dir, 'more.jsonl'), `${log.split('\n')[0]}\n{oops\n`);
  const bad = captured(dir);
  assert.equal(await main(['import', 'more.jsonl', '--db', db, '--lang', 'en'], bad), EXIT.problems);
  assert.match(bad.stdout(), /^more\.jsonl:1 \[version\] E_EVENT_ORDER: event out of order: case-\S+ version 1, expected \d+$/m);
  assert.match(bad.stdout(), /^more\.jsonl:2 E_BAD_LOG_LINE: invalid event log line: /m);
}

test('jiceng import then export, PGlite data directory: byte-identical, and a second run stores nothing twice', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'jiceng-cli-store-'));
  try {
    await roundTrip(join(dir, 'db'), dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('jiceng import then export, PostgreSQL: byte-identical', async (t) => {
  if (!PG_URL) {
    const msg = 'PostgreSQL is ABSENT (JICENG_TEST_PG_URL unset): start one with eval "$(bash scripts/postgres.sh start)"';
    if (process.env.CI === 'true' || process.env.CI === '1') assert.fail(`${msg} (under CI this is a failure)`);
    t.skip(msg);
    return;
  }
  const schema = `cli_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const dir = await mkdtemp(join(tmpdir(), 'jiceng-cli-store-'));
  try {
    await roundTrip(`${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`, dir);
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
    await rm(dir, { recursive: true, force: true });
  }
});

test('jiceng import and export refuse a missing --db or file with a usage error', async () => {
  const io = captured(tmpdir());
  assert.equal(await main(['import', 'nothing.jsonl', '--lang', 'en'], io), EXIT.usage);
  assert.match(io.stderr(), /missing --db/);
  assert.equal(await main(['import', 'nothing.jsonl', '--db', 'x', '--lang', 'en'], io), EXIT.usage);
  assert.match(io.stderr(), /no such file: nothing\.jsonl/);
  assert.equal(await main(['export', '--db', 'no-such-dir-here'], io), EXIT.usage);
  assert.match(io.stderr(), /数据目录不存在：no-such-dir-here/);
});
