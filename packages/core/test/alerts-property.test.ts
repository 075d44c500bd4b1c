// Property: the incremental engine finds exactly what evaluation from scratch (refolding
// the whole history at every step) finds, on random valid histories with ties in time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldCase, type AnyCaseEvent } from '@jiceng/core/cases';
import { AlertEngine, evaluateFromScratch, type AlertFinding } from '@jiceng/core/alerts';
import { calendar, categories, hierarchy, G1, T1, U1, U2, U3, U4, T0 } from './cases-fixture.js';
import { cluster, deadline, History, HOUR, recurrence, rise, ruleSet } from './alerts-fixture.js';

const ctx = { hierarchy, categories, calendar };
const NODES = [U1, U2, U3, U4, G1, T1];
const CATS = ['city.rubbish', 'safety.fire', 'dispute.neighbour'];
const ADDRESSES = ['一号', '二号'];
const RULES = ruleSet(
  cluster({ id: 'grid2', minCases: 2, windowHours: 24 }),
  cluster({ id: 'village3', level: 'village', minCases: 3, windowHours: 168, topics: ['fire-safety', 'city-management'] }),
  rise({ id: 'open', baselineDays: 2, factor: 1, minCount: 1 }),
  rise({ id: 'overdue', level: 'grid', measure: 'overdue', baselineDays: 1, factor: 1, minCount: 1 }),
  recurrence({ id: 'unit', withinDays: 30 }),
  recurrence({ id: 'addr', by: 'address', withinDays: 30 }),
  deadline({ id: 'near', withinWorkHours: 3 }),
);

const op = fc.record({ gap: fc.integer({ min: 0, max: 30 * 60 }), pick: fc.nat(), a: fc.nat(), b: fc.nat(), hours: fc.integer({ min: 1, max: 80 }) });

function build(ops: { gap: number; pick: number; a: number; b: number; hours: number }[]): History {
  const h = new History();
  const status: string[] = [];
  let t = T0;
  for (const o of ops) {
    t += o.gap * 60_000;
    const k = o.pick % (status.length + 1);
    if (k === status.length) {
      h.add(`c${k}`, 'discovered', t, { node: NODES[o.a % NODES.length], source: 'patrol', description: 'x' });
      status.push('discovered');
      continue;
    }
    const id = `c${k}`;
    const due = t + o.hours * HOUR;
    const alt = o.b % 2 === 0;
    const go = (type: Parameters<History['add']>[1], next: string, data: Record<string, unknown> = {}) => { h.add(id, type, t, data); status[k] = next; };
    switch (status[k]) {
      case 'discovered': if (o.b % 7 === 0) go('rejected', 'dead'); else go('registered', 'registered', { category: CATS[o.a % CATS.length], urgency: 'normal', description: 'x', dispatchDueAt: t + HOUR, ...(o.b % 3 ? { address: ADDRESSES[o.b % 2] } : {}) }); break;
      case 'registered': if (o.b % 9 === 0) go('duplicateLinked', 'dead', { of: 'c0' }); else go('dispatched', 'dispatched', { node: G1, dueAt: due }); break;
      case 'dispatched': if (o.b % 5 === 0) go('returned', 'registered', { reason: 'x' }); else if (o.b % 5 === 1) go('escalated', 'dispatched', { node: T1, dueAt: due, reason: 'x' }); else if (o.b % 5 === 2) go('supervised', 'dispatched', { note: 'x' }); else go('accepted', 'handling'); break;
      case 'handling': if (o.b % 4 === 0) go('extensionGranted', 'handling', { dueAt: due }); else if (o.b % 4 === 1) go('suspensionGranted', 'suspended'); else go('handled', 'handled', { result: 'x' }); break;
      case 'suspended': go('resumed', 'handling', { dueAt: due }); break;
      case 'handled': go('verified', alt ? 'verified' : 'handling', { passed: alt, note: 'x' }); break;
      case 'verified': go('followedUp', o.b % 4 === 1 ? 'handling' : 'followup', { satisfaction: 4, recurred: o.b % 4 === 1 }); break; // no close without a follow-up
      case 'followup': go('closed', 'closed'); break;
      case 'closed': if (alt) go('reopened', 'dispatched', { reason: 'x', dueAt: due }); break;
      default: break;
    }
  }
  return h;
}

/** Only the cases whose whole history the case fold accepts: the store refuses the others before they reach the feed. */
function lawful(events: readonly AnyCaseEvent[]): AnyCaseEvent[] {
  const byCase = new Map<string, AnyCaseEvent[]>();
  for (const e of events) (byCase.get(e.caseId) ?? byCase.set(e.caseId, []).get(e.caseId)!).push(e);
  const ok = new Set([...byCase].filter(([, list]) => foldCase(list) !== undefined).map(([id]) => id));
  return events.filter((e) => ok.has(e.caseId));
}

const canon = (fs: readonly AlertFinding[]) => fs.map((f) => JSON.stringify([f.at, f.rule, f.node, f.caseId ?? '', f.category ?? '', f.count, f.baseline ?? null])).sort();

/** The property: on random lawful histories, the engine with `rules` finds what evaluation from scratch finds. */
function agreesWithScratch(rules: typeof RULES): void {
  fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 70 }), fc.integer({ min: 0, max: 6 * 24 }), (ops, tailHours) => {
    const events = lawful(build(ops).events);
    if (!events.length) return;
    const end = events[events.length - 1].at + tailHours * HOUR;
    const engine = new AlertEngine(ctx, rules);
    const inc: AlertFinding[] = [];
    for (const e of events) inc.push(...engine.apply(e));
    inc.push(...engine.advance(end));
    assert.deepEqual(canon(inc), canon(evaluateFromScratch(events, ctx, rules, end)));
  }), { numRuns: 150 });
}

test('incremental evaluation equals evaluation from scratch', () => {
  agreesWithScratch(RULES);
});

test('incremental evaluation equals evaluation from scratch without an overdue rise (the engine then skips what only that rule reads)', () => {
  // Putian's default rules have no overdue rise: the engine's faster path for them.
  const rules = { ...RULES, rules: RULES.rules.filter((r) => !(r.kind === 'rise' && r.measure === 'overdue')) };
  assert.equal(rules.rules.length, RULES.rules.length - 1);
  agreesWithScratch(rules);
});

test('the random histories exercise every rule kind', () => {
  // Guards the property above against vacuity: over a fixed sample, each rule fires somewhere.
  const seen = new Set<string>();
  fc.assert(fc.property(fc.array(op, { minLength: 30, maxLength: 70 }), (ops) => {
    const events = build(ops).events;
    for (const f of evaluateFromScratch(events, ctx, RULES, events[events.length - 1].at + 72 * HOUR)) seen.add(f.rule);
  }), { numRuns: 60, seed: 7 });
  assert.deepEqual([...seen].sort(), ['addr', 'grid2', 'near', 'open', 'overdue', 'unit', 'village3']);
});
