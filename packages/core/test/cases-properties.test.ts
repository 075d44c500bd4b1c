// Property-based tests: random command sequences (mostly commands the actor may run now, some
// arbitrary, some stale) keep the loop's promises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CaseStore } from '@jiceng/core';
import { availableActions, foldCase, type AnyCaseEvent } from '@jiceng/core/cases';
import { ACTORS, categories, hierarchy, makeCtx, makeStore, payload, U1, U2, U3, type ActorKey } from './cases-fixture.js';

const WHO = Object.keys(ACTORS) as ActorKey[];
const OUTSIDERS = new Set(['vo9', 'gw9', 'to9']);

const ALL_TYPES = ['register', 'reject', 'linkDuplicate', 'dispatch', 'accept', 'return', 'reportProgress', 'requestExtension',
  'decideExtension', 'requestSuspension', 'decideSuspension', 'resume', 'escalate', 'reportHandled', 'verify', 'giveFeedback',
  'followUp', 'close', 'reopen', 'supervise', 'recordAccountability'];

const FORWARD = new Set(['register', 'dispatch', 'accept', 'reportHandled', 'verify', 'followUp', 'giveFeedback', 'close', 'decideExtension', 'decideSuspension', 'resume']);
const step = fc.tuple(fc.nat(99), fc.nat(WHO.length - 1), fc.nat(1000), fc.nat(99), fc.nat(600));

interface Run { store: CaseStore; accepted: AnyCaseEvent[]; refusals: { code: string; who: string; stale: boolean; outsider: boolean }[] }

function play(steps: [number, number, number, number, number][]): Run {
  const store = makeStore();
  const ctx = makeCtx();
  const accepted: AnyCaseEvent[] = [];
  const refusals: Run['refusals'] = [];
  for (const [mode, w, pick, caseN, minutes] of steps) {
    ctx.tick.now += minutes * 60_000;
    let who = WHO[w];
    let actor = ACTORS[who];
    let cmd: Record<string, unknown>;
    let stale = false;
    if (store.size === 0 || mode < 8) {
      cmd = { type: 'discover', node: [U1, U2, U3][pick % 3], source: ['patrol', 'citizen', 'hotline', 'video'][pick % 4], description: '发现问题' };
    } else {
      const s = store.all()[caseN % store.size];
      let avail = availableActions(s, actor, ctx);
      // Mostly, someone who can act does (model-based); sometimes anyone tries anything.
      for (let k = 1; mode < 75 && !avail.length && k < WHO.length; k++) {
        who = WHO[(w + k) % WHO.length];
        actor = ACTORS[who];
        avail = availableActions(s, actor, ctx);
      }
      const forward = avail.filter((t) => FORWARD.has(t));
      const type = mode < 55 && forward.length ? forward[pick % forward.length]
        : mode < 75 && avail.length ? avail[pick % avail.length] : ALL_TYPES[pick % ALL_TYPES.length];
      stale = mode >= 93;
      cmd = { type, caseId: s.id, expectedVersion: stale ? s.version - 1 - (pick % 2) : s.version, ...payload(type, pick) };
    }
    const before = store.eventCount;
    const r = store.execute(cmd, actor, ctx);
    if (r.ok) accepted.push(...r.value);
    else {
      refusals.push({ code: r.errors[0].code, who: actor.id, stale, outsider: OUTSIDERS.has(actor.id) });
      assert.equal(store.eventCount, before, 'a refusal changes nothing');
    }
  }
  return { store, accepted, refusals };
}

const byCase = (events: AnyCaseEvent[]) => {
  const m = new Map<string, AnyCaseEvent[]>();
  for (const e of events) (m.get(e.caseId) ?? m.set(e.caseId, []).get(e.caseId)!).push(e);
  return m;
};

const RUNS = { numRuns: 150 };
const seq = fc.array(step, { minLength: 1, maxLength: 150, size: 'max' });

test('a case is only ever closed after a passed verification and a follow-up since the last handling', () => {
  let closedSeen = 0;
  fc.assert(fc.property(seq, (steps) => {
    const { store } = play(steps);
    for (const [, evs] of byCase(store.events())) {
      let verified = false;
      let followed = false;
      for (const e of evs) {
        if (e.type === 'handled' || e.type === 'reopened' || e.type === 'dispatched' || e.type === 'escalated') verified = followed = false;
        if (e.type === 'verified') verified = e.data.passed;
        if (e.type === 'followedUp') followed = !e.data.recurred && verified;
        if (e.type === 'closed') {
          closedSeen++;
          assert.ok(verified && followed, `closed without verification/follow-up: ${e.caseId}`);
        }
      }
    }
  }), RUNS);
  assert.ok(closedSeen > 0, 'the generator reaches closed cases');
});

test('no event is lost or reordered: the log is exactly the accepted events, versions 1..n per case', () => {
  fc.assert(fc.property(seq, (steps) => {
    const { store, accepted } = play(steps);
    assert.deepEqual(store.events(), accepted);
    for (const [id, evs] of byCase(accepted)) {
      evs.forEach((e, i) => assert.equal(e.version, i + 1, id));
      for (let i = 1; i < evs.length; i++) assert.ok(evs[i].at >= evs[i - 1].at, 'times never go back');
    }
  }), RUNS);
});

test('replaying the log equals the live state, facts columns included', () => {
  fc.assert(fc.property(seq, (steps) => {
    const { store } = play(steps);
    const copy = new CaseStore({ hierarchy, categories }, { capacity: 16 });
    const r = copy.replay(JSON.parse(JSON.stringify(store.events())));
    assert.deepEqual(r.issues, []);
    assert.deepEqual(copy.all(), store.all());
    const n = store.facts.length;
    for (const k of Object.keys(store.facts) as (keyof typeof store.facts)[]) {
      const a = store.facts[k];
      const b = copy.facts[k];
      if (ArrayBuffer.isView(a)) assert.deepEqual(Array.from((a as Float64Array).subarray(0, n)), Array.from((b as Float64Array).subarray(0, n)), k);
    }
    for (const s of store.all()) assert.deepEqual(foldCase(store.events(s.id)), s);
    const snap = CaseStore.fromSnapshot(JSON.parse(JSON.stringify(store.snapshot())), { hierarchy, categories });
    assert.ok(snap.ok);
    assert.deepEqual(snap.value.all(), store.all());
  }), { numRuns: 80 });
});

test('stale versions are refused, out-of-scope actors change nothing, a handler never verifies own work', () => {
  let stale = 0;
  fc.assert(fc.property(seq, (steps) => {
    const { accepted, refusals } = play(steps);
    for (const r of refusals) if (r.stale) {
      stale++;
      assert.ok(['E_STALE_VERSION', 'E_INVALID_INPUT'].includes(r.code), r.code);
    }
    // Outsiders (other village, grid, town) act on no case: every case lies under V1.
    assert.ok(!accepted.some((e) => OUTSIDERS.has(e.actor)), 'an out-of-scope actor changed a case');
    for (const [, evs] of byCase(accepted)) {
      let handler: string | null = null;
      for (const e of evs) {
        if (e.type === 'handled') handler = e.actor;
        if (e.type === 'verified') assert.notEqual(e.actor, handler, 'handler verified own work');
      }
    }
  }), RUNS);
  assert.ok(stale > 0);
});
