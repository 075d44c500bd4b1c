// The log commands read an event log piece by piece: a full generated history is about a
// gigabyte, more than one JavaScript string may hold. These tests give the commands an I/O
// whose readFile refuses the log, so a command that reads it whole fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportEventLog, type AnyCaseEvent } from '@jiceng/core/cases';
import { EXIT, main, memoryIo } from '@jiceng/cli';

import { cityJson } from './small-city.js';

const H = 3_600_000;
const START = Date.parse('2024-03-04T09:00:00+08:00');
const GRID_WORKER = { actor: 'gw1', role: 'grid-worker', roleNode: '350304001001001' };
// Verification, follow-up and close by the town, outside the handling body (separation of duties).
// Registration and dispatch by the village, as the role policy allows.
const VILLAGE_OFFICER = { actor: 'vo1', role: 'village-officer', roleNode: '350304001001' };
const TOWN_OFFICER = { actor: 'to1', role: 'town-officer', roleNode: '350304001000' };
/** `n` cases on `unit`, each discovered, registered and dispatched; every third one closed (verified, followed up and closed by the town). */
function history(n: number, unit = '350304001001001001', prefix = 'S'): AnyCaseEvent[] {
  const out: AnyCaseEvent[] = [];
  for (let i = 0; i < n; i++) {
    const caseId = `${prefix}${String(i).padStart(5, '0')}`;
    const at = START + i * H;
    let v = 0;
    const ev = (type: string, t: number, data: Record<string, unknown>, by = GRID_WORKER) =>
      out.push({ caseId, version: ++v, type, at: t, ...by, data } as unknown as AnyCaseEvent);
    ev('discovered', at, { node: unit, source: 'patrol', description: '楼道堆物' });
    ev('registered', at + 0.5 * H, { category: 'dispute', urgency: 'normal', description: '楼道堆物', dispatchDueAt: at + H }, VILLAGE_OFFICER);
    ev('dispatched', at + 0.75 * H, { node: '350304001001', dueAt: at + 48 * H }, VILLAGE_OFFICER);
    if (i % 3 === 0) {
      ev('accepted', at + H, {});
      ev('handled', at + 2 * H, { result: '已清理' });
      ev('verified', at + 3 * H, { passed: true, note: '核查通过' }, TOWN_OFFICER);
      ev('followedUp', at + 3.5 * H, { satisfaction: 5, recurred: false }, TOWN_OFFICER);
      ev('closed', at + 4 * H, {}, TOWN_OFFICER);
    }
  }
  return out;
}

/** A memory I/O that serves the log only piece by piece (4 KiB), never whole. */
function streamingOnly(files: Record<string, string>, log = 'log.jsonl') {
  const io = memoryIo(files);
  const whole = io.readFile.bind(io);
  io.readFile = async (p) => {
    if (p === log) throw new Error(`read ${p} whole`);
    return whole(p);
  };
  return io;
}

const text = exportEventLog(history(300)); // 300 cases, 1,400 events, about 100 pieces of 4 KiB
const city = { 'city.json': cityJson };

test('stats, replay and dossier read the log piece by piece, never whole', async () => {
  assert.ok(text.length > 50 * 4096);
  const stats = streamingOnly({ 'log.jsonl': text, ...city });
  assert.equal(await main(['stats', 'log.jsonl', '--hierarchy', 'city.json', '--lang', 'en'], stats), EXIT.ok, stats.stderr());
  assert.match(stats.stdout(), /cases 300, events 1,400/);
  assert.match(stats.stdout(), /^completion rate\s+33\.33%\s+100 \/ 300/m);
  const replay = streamingOnly({ 'log.jsonl': text, ...city });
  assert.equal(await main(['replay', 'log.jsonl', '--hierarchy', 'city.json', '--lang', 'en'], replay), EXIT.ok, replay.stderr());
  assert.match(replay.stdout(), /^cases: 300$/m);
  const dossier = streamingOnly({ 'log.jsonl': text, ...city });
  assert.equal(await main(['dossier', 'log.jsonl', 'S00297', '--hierarchy', 'city.json', '--lang', 'en'], dossier), EXIT.ok, dossier.stderr());
  assert.match(dossier.stdout(), /S00297/);
});

test('stats without --now takes the time of the latest event, found while streaming', async () => {
  const io = streamingOnly({ 'log.jsonl': text, ...city });
  assert.equal(await main(['stats', 'log.jsonl', '--hierarchy', 'city.json', '--json'], io), EXIT.ok, io.stderr());
  const data = JSON.parse(io.stdout()) as { asOf: number };
  assert.equal(data.asOf, START + 297 * H + 4 * H); // the last closing (case 297), after the last dispatch
});

test('stats on a log of garbage lines keeps 20 of them and counts them all', async () => {
  const garbage = `${text}${'not json\n'.repeat(5000)}`;
  const io = streamingOnly({ 'log.jsonl': garbage, ...city });
  assert.equal(await main(['stats', 'log.jsonl', '--hierarchy', 'city.json', '--lang', 'en'], io), EXIT.ok);
  const err = io.stderr().trimEnd().split('\n');
  assert.equal(err.length, 21);
  assert.match(err[0], /^log\.jsonl:1401 E_BAD_JSON/);
  assert.equal(err[20], '… and 4980 more');
  assert.match(io.stdout(), /invalid lines skipped 5,000/);
});

test('stats --as counts only the events of the cases in scope', async () => {
  const both = text + exportEventLog(history(10, '350304001001002001', 'T')); // 10 more cases in grid 2, 50 events
  const all = streamingOnly({ 'log.jsonl': both, ...city });
  assert.equal(await main(['stats', 'log.jsonl', '--hierarchy', 'city.json', '--lang', 'en'], all), EXIT.ok, all.stderr());
  assert.match(all.stdout(), /cases 310, events 1,450/);
  const io = streamingOnly({ 'log.jsonl': both, ...city });
  assert.equal(await main(['stats', 'log.jsonl', '--hierarchy', 'city.json', '--as', 'grid-worker@350304001001001', '--lang', 'en'], io), EXIT.ok, io.stderr());
  assert.match(io.stdout(), /cases 300, events 1,400/);
});
