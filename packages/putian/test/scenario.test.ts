import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHierarchy, CASE_STATUSES } from '@jiceng/core';
import { checkEvent } from '@jiceng/core/cases';
import { generatePutian, PutianScenario, PUTIAN_CASE_COUNTS } from '@jiceng/putian';

const data = generatePutian({ seed: 1 });
const built = buildHierarchy(data.config, data.nodes);
if (!built.ok) throw new Error('the Putian hierarchy must build');
const hierarchy = built.value;

test('the direct path gives exactly the events the core decides, case by case', () => {
  const opts = { seed: 7, cases: 4000, closed: 3700 };
  const direct = new PutianScenario(hierarchy, opts);
  const checked = new PutianScenario(hierarchy, { ...opts, checked: true });
  // A spread of cases: closed ones and the open tail, with escalations, extensions, rework.
  for (let i = 0; i < 4000; i += 13) {
    assert.deepEqual(direct.caseEvents(i), checked.caseEvents(i), `case ${i}`);
  }
});

test('every generated event is well formed, and a case replays alone as in the full run', () => {
  const sim = new PutianScenario(hierarchy, { seed: 3, cases: 2000 });
  const all: unknown[] = [];
  sim.run({ onEvent: (e) => all.push(e) });
  for (const e of all) assert.deepEqual(checkEvent(e), []);
  const byCase = all.filter((e) => (e as { caseId: string }).caseId === sim.caseId(1234));
  assert.deepEqual(byCase, sim.caseEvents(1234));
});

test('the same seed gives the same history; another seed another one', () => {
  const a = new PutianScenario(hierarchy, { seed: 11, cases: 300 }).caseEvents(299);
  const b = new PutianScenario(hierarchy, { seed: 11, cases: 300 }).caseEvents(299);
  const c = new PutianScenario(hierarchy, { seed: 12, cases: 300 }).caseEvents(299);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test('closed counts come out exactly, the rest stay open at real stages', () => {
  const sim = new PutianScenario(hierarchy, { seed: 1, cases: 20_000 });
  assert.equal(sim.closed, Math.round((20_000 * PUTIAN_CASE_COUNTS.closed) / PUTIAN_CASE_COUNTS.collected));
  const store = sim.run();
  const f = store.facts;
  let closed = 0;
  const open = new Set<string>();
  let rework = 0, escalated = 0, late = 0, village = 0;
  const villageLevel = hierarchy.config.levels.findIndex((l) => l.id === 'village');
  for (let i = 0; i < f.length; i++) {
    const st = CASE_STATUSES[f.status[i]];
    if (st === 'closed') {
      closed++;
      if (f.closedLevel[i] >= villageLevel) village++;
    } else open.add(st);
    if (f.rework[i]) rework++;
    if (f.escalations[i]) escalated++;
    if (f.handledAt[i] > f.dueAt[i]) late++;
  }
  assert.equal(closed, sim.closed);
  assert.ok(open.has('handling') && open.has('dispatched'), [...open].join());
  // Plausible mixes: a few percent rework, escalation and lateness; most closed at or below the village.
  for (const [name, n, lo, hi] of [['rework', rework, 0.02, 0.08], ['escalated', escalated, 0.01, 0.06], ['late', late, 0.02, 0.08]] as const) {
    assert.ok(n / f.length > lo && n / f.length < hi, `${name} ${n}`);
  }
  assert.ok(village / closed > 0.6, `closed at or below the village: ${village}/${closed}`);
});

test('event times are whole milliseconds', () => {
  const sim = new PutianScenario(hierarchy, { seed: 5, cases: 400 });
  sim.run({ onEvent: (e) => assert.ok(Number.isInteger(e.at), `${e.caseId} v${e.version} at ${e.at}`) });
});
