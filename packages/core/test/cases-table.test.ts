// The one transition table: decide, the state fold and the store fold all follow it, on
// hand-picked rows and on random command and event sequences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CASE_STATUSES, CaseStore, JcError, type CaseState } from '@jiceng/core';
import {
  applyCase, availableActions, CASE_EVENT_KINDS, CASE_TRANSITIONS, commandAllowedIn, eventKindIndex, initialState, nextStatus, TRANSITION_TABLE, type AnyCaseEvent, type CaseEventKind, type CaseStatus, type FoldRules,
} from '@jiceng/core/cases';
import { ACTORS, categories, hierarchy, makeCtx, makeStore, payload, G1, T1, U1, V1, type ActorKey } from './cases-fixture.js';

test('the table as data: every kind names its command, and the compiled array says the same', () => {
  assert.equal(TRANSITION_TABLE.length, CASE_STATUSES.length * CASE_EVENT_KINDS.length);
  for (const r of CASE_TRANSITIONS) {
    for (const s of CASE_STATUSES) {
      const want = r.from.includes(s) ? (r.to === 'same' ? s : r.to) : null;
      assert.equal(nextStatus(s, r.kind), want, `${s} × ${r.kind}`);
    }
  }
  assert.equal(new Set(CASE_TRANSITIONS.map((r) => r.kind)).size, CASE_EVENT_KINDS.length, 'one row per kind');
});

// Hand-picked rows: what a reader of the seven-step loop expects, independent of the table's code.
const ROWS: [CaseStatus, CaseEventKind, CaseStatus | null][] = [
  ['discovered', 'registered', 'registered'],
  ['discovered', 'dispatched', null],
  ['registered', 'dispatched', 'dispatched'],
  ['dispatched', 'accepted', 'handling'],
  ['dispatched', 'handled', null],
  ['handling', 'handled', 'handled'],
  ['handling', 'closed', null],
  ['handled', 'verified', 'verified'],
  ['handled', 'verifiedFailed', 'handling'],
  ['handled', 'closed', null],
  ['verified', 'followedUp', 'followup'],
  ['verified', 'followedUpRecurred', 'handling'],
  ['verified', 'closed', null],
  ['followup', 'closed', 'closed'],
  ['closed', 'reopened', 'dispatched'],
  ['closed', 'supervised', null],
  ['closed', 'accountabilityRecorded', 'closed'],
  ['suspended', 'handled', null],
  ['suspended', 'resumed', 'handling'],
  ['rejected', 'registered', null],
];
for (const [from, kind, to] of ROWS) {
  test(`table: ${from} × ${kind} → ${to ?? 'refused'}`, () => assert.equal(nextStatus(from, kind), to));
}

test('nextStatus and commandAllowedIn answer a wrong argument with a JcError, not a TypeError', () => {
  for (const bad of [undefined, null, 42, 'nope', '__proto__', 'toString']) {
    assert.throws(() => nextStatus(bad as never, 'closed'), (e: unknown) => e instanceof JcError && e.issue.code === 'E_INVALID_INPUT');
    assert.throws(() => nextStatus('closed', bad as never), (e: unknown) => e instanceof JcError && e.issue.code === 'E_INVALID_INPUT');
    assert.throws(() => commandAllowedIn(bad as never, 'closed'), (e: unknown) => e instanceof JcError);
  }
});

// ------------------------------------------------------------------ random event sequences, both folds
const POOL: [string, string, string][] = [
  ['gw1', 'grid-worker', G1], ['gw2', 'grid-worker', G1], ['vo1', 'village-officer', V1], ['to1', 'town-officer', T1], ['to2', 'town-officer', T1],
];
const NODES = [V1, T1, '350399999999'];

function dataOf(kind: CaseEventKind, at: number, pick: number): Record<string, unknown> {
  const due = at + 3_600_000;
  switch (kind) {
    case 'registered': return { category: pick % 7 === 0 ? 'nope' : 'dispute.neighbour', urgency: 'normal', description: '描述', dispatchDueAt: due };
    case 'rejected': case 'returned': case 'extensionDenied': case 'suspensionRequested': case 'suspensionDenied': return { reason: '理由' };
    case 'duplicateLinked': return { of: 'c-0' };
    case 'dispatched': return { node: NODES[pick % NODES.length], dueAt: due };
    case 'escalated': return { node: NODES[pick % NODES.length], dueAt: due, reason: '上报' };
    case 'progressReported': return { note: '进展' };
    case 'extensionRequested': return { limit: { amount: 1, unit: 'workDays' }, reason: '理由' };
    case 'extensionGranted': case 'resumed': return { dueAt: due };
    case 'handled': return { result: '结果' };
    case 'verified': return { passed: true, note: '核查' };
    case 'verifiedFailed': return { passed: false, note: '核查' };
    case 'feedbackGiven': return { channel: 'phone', note: '反馈' };
    case 'followedUp': return { satisfaction: 4, recurred: false };
    case 'followedUpRecurred': return { satisfaction: 2, recurred: true };
    case 'reopened': return { reason: '复发', dueAt: due };
    case 'supervised': return { note: '督办' };
    case 'accountabilityRecorded': return { person: '某人', measure: '约谈', reason: '超期' };
    default: return {};
  }
}
const typeOf = (k: CaseEventKind) => (k === 'verifiedFailed' ? 'verified' : k === 'followedUpRecurred' ? 'followedUp' : k);

const RULES: FoldRules = { hierarchy, categories };
const evStep = fc.tuple(fc.nat(99), fc.nat(CASE_EVENT_KINDS.length - 1), fc.nat(POOL.length - 1), fc.nat(1000), fc.integer({ min: -30, max: 600 }));

test('property: the state fold and the store fold accept exactly what the table and the invariants allow, and agree', () => {
  let accepted = 0;
  let refusedByTable = 0;
  fc.assert(fc.property(fc.array(evStep, { minLength: 1, maxLength: 60 }), (steps) => {
    const store = new CaseStore({ hierarchy, categories }, { capacity: 16 });
    const first: AnyCaseEvent = { caseId: 'c-1', version: 1, type: 'discovered', at: 1e12, actor: 'gw1', role: 'grid-worker', roleNode: G1, data: { node: U1, source: 'patrol', description: '发现' } };
    assert.equal(store.apply(first).ok, true);
    const s: CaseState = initialState(first);
    for (const [mode, k, who, pick, minutes] of steps) {
      // Mostly a kind the table allows now, so sequences reach the end of the loop.
      const allowed = CASE_EVENT_KINDS.filter((x) => x !== 'discovered' && nextStatus(s.status, x) !== null);
      const kind = mode < 70 && allowed.length ? allowed[pick % allowed.length] : CASE_EVENT_KINDS[k];
      const [actor, role, roleNode] = POOL[who];
      const at = s.lastAt + minutes * 60_000;
      const e = { caseId: 'c-1', version: s.version + 1, type: typeOf(kind), at, actor, role, roleNode, data: dataOf(kind, at, pick) } as AnyCaseEvent;
      assert.equal(CASE_EVENT_KINDS[eventKindIndex(e)], kind);
      const before = s.status;
      const want = nextStatus(before, kind);
      const copy = { ...s };
      const code = applyCase(s, e, RULES);
      const r = store.apply(e);
      assert.equal(r.ok ? null : r.errors[0].code, code, `${before} × ${kind}: the folds disagree`);
      if (want === null) {
        refusedByTable++;
        assert.notEqual(code, null, `${before} × ${kind} is not in the table, yet accepted`);
      }
      if (code === null) {
        accepted++;
        assert.equal(s.status, want, `${before} × ${kind}`);
      } else {
        assert.deepEqual(s, copy, 'a refused event changes nothing');
      }
      assert.deepEqual(store.get('c-1'), s);
    }
  }), { numRuns: 300 });
  assert.ok(accepted > 1000 && refusedByTable > 100, `${accepted} accepted, ${refusedByTable} refused by the table`);
});

// ------------------------------------------------------------------ random commands: decide follows the table
const WHO = Object.keys(ACTORS) as ActorKey[];
const TYPES = ['register', 'reject', 'dispatch', 'accept', 'return', 'reportProgress', 'requestExtension', 'decideExtension', 'requestSuspension',
  'decideSuspension', 'resume', 'escalate', 'reportHandled', 'verify', 'giveFeedback', 'followUp', 'close', 'reopen', 'supervise', 'recordAccountability'] as const;
test('property: every event decide gives is allowed by the table from the status it was decided in, and leads where the table says', () => {
  let decided = 0;
  let wrongState = 0;
  fc.assert(fc.property(fc.array(fc.tuple(fc.nat(99), fc.nat(WHO.length - 1), fc.nat(1000)), { minLength: 1, maxLength: 80 }), (steps) => {
    const store = makeStore();
    const ctx = makeCtx();
    const first = store.execute({ type: 'discover', node: U1, source: 'citizen', description: '发现' }, ACTORS.gw, ctx);
    assert.ok(first.ok);
    const id = first.value[0].caseId;
    for (const [mode, w, pick] of steps) {
      const s = store.get(id)!;
      let who = WHO[w];
      let avail = availableActions(s, ACTORS[who], ctx);
      for (let k = 1; mode < 80 && !avail.length && k < WHO.length; k++) avail = availableActions(s, ACTORS[(who = WHO[(w + k) % WHO.length])], ctx);
      const type = mode < 80 && avail.length ? avail[pick % avail.length] : TYPES[pick % TYPES.length];
      const r = store.execute({ type, caseId: id, expectedVersion: s.version, ...payload(type, pick) }, ACTORS[who], ctx);
      if (!commandAllowedIn(type, s.status)) {
        assert.equal(r.ok, false, `${type} in ${s.status} is not in the table, yet decided`);
        if (!r.ok && r.errors[0].code === 'E_WRONG_STATE') wrongState++;
        continue;
      }
      if (!r.ok) continue;
      decided++;
      for (const e of r.value) {
        const kind = CASE_EVENT_KINDS[eventKindIndex(e)];
        assert.equal(store.get(id)!.status, nextStatus(s.status, kind), `${s.status} × ${kind}`);
      }
    }
  }), { numRuns: 200 });
  assert.ok(decided > 500 && wrongState > 50, `${decided} decided, ${wrongState} refused as wrong state`);
});
