// A log nobody here wrote: one broken log per invariant of the loop, each refused with its
// line number and code, its case left uncounted; the hash chain; the text limits of commands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { CaseStore, type JcIssue } from '@jiceng/core';
import {
  ChainVerifier, exportChainedLog, exportEventLog, importEventLog, NOBLE_SHA256, readEventLine, validateCommand, type AnyCaseEvent, type ChainHasher,
} from '@jiceng/core/cases';
import { categories, hierarchy, makeCtx, makeStore, PATHS, runSteps, G1, V1, T1, type Step } from './cases-fixture.js';

/** Two closed cases, each one's events together: c-1's lines are 1–8, c-2's 9–16. */
function validLog(): AnyCaseEvent[] {
  const store = makeStore();
  const ctx = makeCtx();
  const steps: Step[] = PATHS.closed;
  runSteps(store, ctx, steps);
  runSteps(store, ctx, steps);
  const all = store.events();
  return [...all.filter((e) => e.caseId === 'c-1'), ...all.filter((e) => e.caseId === 'c-2')];
}
const base = validLog();
const typesOfC1 = base.filter((e) => e.caseId === 'c-1').map((e) => e.type);

test('the valid log the mutations start from: 2 closed cases, every line accepted', () => {
  assert.deepEqual(typesOfC1, ['discovered', 'registered', 'dispatched', 'accepted', 'handled', 'verified', 'followedUp', 'closed']);
  const r = importEventLog(exportEventLog(base), { rules: { hierarchy, categories } });
  assert.deepEqual(r.issues, []);
  assert.equal(r.events.length, 16);
});

/** Replaces c-1's events from `from` on with `tail` (versions renumbered), keeping c-2 intact after them. */
function rewrite(edit: (c1: AnyCaseEvent[]) => AnyCaseEvent[]): { events: AnyCaseEvent[]; c1Lines: number } {
  const c1 = edit(base.filter((e) => e.caseId === 'c-1').map((e) => ({ ...e, data: { ...e.data } }) as AnyCaseEvent));
  c1.forEach((e, i) => { (e as { version: number }).version = i + 1; });
  return { events: [...c1, ...base.filter((e) => e.caseId === 'c-2')], c1Lines: c1.length };
}
const set = (e: AnyCaseEvent, over: Partial<AnyCaseEvent>) => Object.assign(e, over);

interface Broken { name: string; edit: (c1: AnyCaseEvent[]) => AnyCaseEvent[]; line: number; code: string }
const BROKEN: Broken[] = [
  { name: 'a close with no verification', edit: (c) => [...c.slice(0, 5), c[7]], line: 6, code: 'E_NOT_VERIFIED' },
  { name: 'a close with no follow-up', edit: (c) => [...c.slice(0, 6), c[7]], line: 7, code: 'E_NO_FOLLOWUP' },
  { name: 'a verification by the handler', edit: (c) => { set(c[5], { actor: c[4].actor, role: c[4].role, roleNode: c[4].roleNode }); return c; }, line: 6, code: 'E_SELF_VERIFY' },
  { name: 'a verification by a colleague of the handling body', edit: (c) => { set(c[5], { actor: 'gw2', role: 'grid-worker', roleNode: G1 }); return c; }, line: 6, code: 'E_HANDLING_BODY_VERIFY' },
  { name: 'a verification by the body the case was dispatched to', edit: (c) => { set(c[5], { actor: 'vo2', role: 'village-officer', roleNode: V1 }); return c; }, line: 6, code: 'E_HANDLING_BODY_VERIFY' },
  { name: 'a follow-up by the handler', edit: (c) => { set(c[6], { actor: c[4].actor, role: c[4].role, roleNode: c[4].roleNode }); return c; }, line: 7, code: 'E_HANDLER_FOLLOWUP' },
  { name: 'a close by the handler', edit: (c) => { set(c[7], { actor: c[4].actor, role: 'grid-worker', roleNode: G1 }); return c; }, line: 8, code: 'E_HANDLER_CLOSE' },
  { name: 'closed before it was reported (time runs backwards)', edit: (c) => { set(c[7], { at: c[0].at - 60_000 }); return c; }, line: 8, code: 'E_TIME_BACKWARDS' },
  { name: 'a case on a node the city does not have', edit: (c) => { (c[0].data as { node: string }).node = '350302101001009001'; return c; }, line: 1, code: 'E_UNKNOWN_NODE' },
  { name: 'dispatched to a node the city does not have', edit: (c) => { (c[2].data as { node: string }).node = '350302101099'; return c; }, line: 3, code: 'E_UNKNOWN_NODE' },
  { name: 'a category the table does not have', edit: (c) => { (c[1].data as { category: string }).category = 'dispute.nope'; return c; }, line: 2, code: 'E_UNKNOWN_CATEGORY' },
  { name: 'handled before it was accepted (not in the table)', edit: (c) => [...c.slice(0, 3), ...c.slice(4)], line: 4, code: 'E_WRONG_STATE' },
  { name: 'a description beyond the 2000-character limit', edit: (c) => { (c[1].data as { description: string }).description = '长'.repeat(2001); return c; }, line: 2, code: 'E_BAD_EVENT' },
  { name: 'a NUL byte in a note', edit: (c) => { (c[5].data as { note: string }).note = '已核\u0000实'; return c; }, line: 6, code: 'E_BAD_EVENT' },
  { name: 'an actor id with a line break', edit: (c) => { set(c[3], { actor: 'gw1\nx' }); return c; }, line: 4, code: 'E_BAD_EVENT' },
];

for (const b of BROKEN) {
  test(`refused with its line and code, the case not counted: ${b.name}`, () => {
    const { events, c1Lines } = rewrite(b.edit);
    const text = exportEventLog(events);
    // importEventLog, with the city's tables
    const r = importEventLog(text, { rules: { hierarchy, categories } });
    assert.equal(r.issues[0]?.code, b.code, JSON.stringify(r.issues[0]));
    assert.equal(r.issues[0].row, b.line);
    assert.ok(r.issues[0].zh && r.issues[0].en);
    assert.deepEqual(r.broken, ['c-1']);
    assert.ok(r.events.every((e) => e.caseId === 'c-2') && r.events.length === 8, 'c-2 intact, c-1 left out');
    const later = r.issues.slice(1);
    assert.ok(later.every((p) => p.code === 'E_CASE_BROKEN' && p.row! > b.line && p.row! <= c1Lines));
    // the store's replay (line by line as the CLI does), when the line is a valid event
    const store = new CaseStore({ hierarchy, categories }, { keepLog: false });
    const issues: JcIssue[] = [];
    text.split('\n').forEach((l, i) => {
      const read = readEventLine(l, i + 1);
      issues.push(...read.issues);
      if (read.caseId !== undefined && !read.event) store.markBroken(read.caseId);
      if (read.event) { const p = store.ingest(read.event); if (p) issues.push({ ...p, row: i + 1 }); }
    });
    assert.equal(issues[0].code, b.code);
    assert.equal(issues[0].row, b.line);
    if (b.line > 1) {
      assert.equal(store.isBroken('c-1'), true);
      assert.equal(store.brokenCount, 1);
      assert.equal(store.facts.node[store.rowOf('c-1')], -1, 'no metric sees the broken case');
      assert.equal(store.get('c-2')!.status, 'closed');
      assert.ok(store.facts.node[store.rowOf('c-2')] >= 0);
    }
  });
}

test('a text beyond the limit says the limit with its unit, in zh and en', () => {
  const { events } = rewrite((c) => { (c[1].data as { description: string }).description = '长'.repeat(2001); return c; });
  const p = importEventLog(exportEventLog(events)).issues[0];
  assert.equal(p.column, 'data.description');
  assert.match(p.zh, /不能超过 2000 个字符/);
  assert.match(p.en, /at most 2000 characters/);
});

test('without the tables, import still checks the table, duties and time; with a policy, roles too', () => {
  const { events } = rewrite((c) => { set(c[5], { actor: c[4].actor }); return c; });
  assert.equal(importEventLog(exportEventLog(events)).issues[0].code, 'E_SELF_VERIFY');
  const { events: e2 } = rewrite((c) => { set(c[7], { actor: 'gw9', role: 'grid-worker', roleNode: G1 }); return c; });
  assert.deepEqual(importEventLog(exportEventLog(e2)).issues, []);
  const store = new CaseStore({ hierarchy, categories }, { keepLog: false, policy: makeCtx().policy });
  const r = store.replay(e2);
  assert.equal(r.issues[0].code, 'E_NOT_PERMITTED', 'a grid worker may not close');
  assert.equal(r.issues[0].row, 8);
});

// ------------------------------------------------------------------ the hash chain
const nodeHasher: ChainHasher = {
  hex: (t) => createHash('sha256').update(t).digest('hex'),
  running: () => { const h = createHash('sha256'); return { update: (t) => void h.update(t), hex: () => h.digest('hex') }; },
};
function verify(text: string, hasher?: ChainHasher): JcIssue[] {
  const v = new ChainVerifier(hasher);
  const lines = text.split('\n');
  const out: JcIssue[] = [];
  lines.forEach((l, i) => { const p = v.line(l, i + 1); if (p) out.push(p); });
  return [...out, ...v.finish(lines.length)];
}
const chained = exportChainedLog(base);
const lines = chained.split('\n');
const join = (ls: string[]) => ls.join('\n');

test('a chained log: each line carries its case\'s previous line\'s SHA-256, ends with a trailer, reads back as before', () => {
  assert.deepEqual(verify(chained), []);
  assert.equal(exportChainedLog(base, nodeHasher), chained, 'the pure hasher and Node\'s give the same chain');
  assert.equal(NOBLE_SHA256.hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  const first = JSON.parse(lines[0]);
  const second = JSON.parse(lines[1]);
  assert.equal(first.prev, undefined);
  assert.equal(second.prev, NOBLE_SHA256.hex(lines[0]));
  assert.equal(JSON.parse(lines[8]).prev, undefined, 'c-2 starts its own chain');
  assert.match(lines[16], /^\{"chain":"jiceng\.cases\.sha256","lines":16,"digest":"[0-9a-f]{64}"\}$/);
  const r = importEventLog(chained, { rules: { hierarchy, categories } });
  assert.deepEqual(r.issues, []);
  assert.equal(r.events.length, 16);
  assert.deepEqual(exportChainedLog(r.events), chained, 'a chained log re-chains to itself');
});

test('--verify: an edited line breaks its case\'s chain at the next line of that case', () => {
  const ls = [...lines];
  ls[2] = ls[2].replace(V1, T1);
  const p = verify(join(ls));
  assert.equal(p[0].code, 'E_CHAIN_BROKEN');
  assert.equal(p[0].row, 4);
  assert.ok(p.some((x) => x.code === 'E_CHAIN_TAIL'));
});

test('--verify: an edited last line of a case is caught by the trailer', () => {
  const ls = [...lines];
  ls[7] = ls[7].replace('"closed"', '"closed" ');
  const p = verify(join(ls));
  assert.deepEqual(p.map((x) => [x.code, x.row]), [['E_CHAIN_TAIL', 17]]);
});

test('--verify: a removed line breaks the chain at the next line of its case', () => {
  const ls = [...lines];
  ls.splice(4, 1);
  const p = verify(join(ls));
  assert.equal(p[0].code, 'E_CHAIN_BROKEN');
  assert.equal(p[0].row, 5);
});

test('--verify: reordered lines of a case break its chain; lines moved across cases break the trailer', () => {
  const ls = [...lines];
  [ls[3], ls[4]] = [ls[4], ls[3]];
  const p = verify(join(ls));
  assert.equal(p[0].code, 'E_CHAIN_BROKEN');
  assert.equal(p[0].row, 4);
  const ms = [...lines];
  const [moved] = ms.splice(8, 1);
  ms.splice(0, 0, moved);
  const q = verify(join(ms));
  assert.deepEqual(q.map((x) => x.code), ['E_CHAIN_TAIL']);
});

test('--verify: a log without the chain, or lines after the trailer, is not proven', () => {
  assert.ok(verify(exportEventLog(base)).some((x) => x.code === 'E_CHAIN_MISSING' || x.code === 'E_CHAIN_TAIL'));
  assert.equal(verify(`${chained}${lines[0]}\n`).at(-1)!.code, 'E_CHAIN_TAIL');
});

// ------------------------------------------------------------------ command text fields
test('command texts: trimmed and NFC, within their limits (said with the unit), no control characters', () => {
  const ok = validateCommand({ type: 'discover', node: ' 350302101001001001 ', source: 'patrol', description: '  cafe\u0301\n第二行  ' });
  assert.ok(ok.ok);
  assert.equal(ok.value.type === 'discover' && ok.value.description, 'café\n第二行');
  const long = validateCommand({ type: 'discover', node: '350302101001001001', source: 'patrol', description: 'x'.repeat(2001) });
  assert.ok(!long.ok);
  assert.equal(long.errors[0].zh, '问题描述：不能超过 2000 个字符');
  assert.equal(long.errors[0].en, 'description: at most 2000 characters');
  const nul = validateCommand({ type: 'recordAccountability', caseId: 'c-1', expectedVersion: 3, person: '张\u0000三', measure: '约谈', reason: 'x' });
  assert.ok(!nul.ok);
  assert.equal(nul.errors[0].column, 'person');
  assert.match(nul.errors[0].en, /control characters/);
  const br = validateCommand({ type: 'dispatch', caseId: 'c-1', expectedVersion: 3, node: V1, person: '张三\n李四' });
  assert.ok(!br.ok, 'a name is one line');
  const lone = validateCommand({ type: 'reject', caseId: 'c-1', expectedVersion: 2, reason: 'x\ud800' });
  assert.ok(!lone.ok, 'a lone surrogate is a broken character');
  const many = validateCommand({ type: 'register', caseId: 'c-1', expectedVersion: 1, category: 'dispute', urgency: 'normal', description: 'x', parties: Array(51).fill('某') });
  assert.ok(!many.ok);
  assert.equal(many.errors[0].en, 'parties: at most 50 items');
});
