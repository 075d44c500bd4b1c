// Random command sequences by random actors: refused commands change nothing, accepted ones
// are events, and replaying the events gives the same registry. Calendar helpers agree with
// the platform's own Asia/Shanghai time zone data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createAccess } from '@jiceng/core/access';
import {
  addLocalMonths, applyRegistry, evolveRegistry, type MutableRegistryState, daysInMonth, decideRegistry, emptyRegistry, replayRegistry, shanghaiDate, type RegistryCommand, type RegistryEvent,
} from '@jiceng/core/registry';
import { BASIS, small } from './access-fixtures.js';

const h = small();
const units: string[] = [];
for (let i = 0; i < h.size; i++) if (h.level(i).id === 'unit') units.push(h.code(i));
const grants: Array<[string, string]> = [
  ['town-officer', '350301101000'], ['town-officer', '350301101000'], ['town-officer', '350301101000'],
  ['town-officer', '350301101000'], ['grid-worker', '350301101001001'],
  ['police', '350301000000'], ['health-worker', '350301101000'], ['county-officer', '350301000000'], ['citizen', '350301101000'],
];
/** The units of one town (where most actors can write) and one unit elsewhere. */
const near = [...units.filter((u) => u.startsWith('350301101')), units[units.length - 1]];
const BAD_BASIS = { basis: 'none', articles: [], informed: false };
const groups = ['released-prisoner', 'community-correction', 'severe-mental-disorder', 'drug-user', 'hiv-risk', 'nope'];

const commandArb: fc.Arbitrary<RegistryCommand> = fc.oneof(
  fc.record({
    type: fc.constant('enrolled' as const), personId: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
    group: fc.constantFrom('severe-mental-disorder'), node: fc.constantFrom(...near), person: fc.constant({ name: '张三明' }),
    legalBasis: fc.constantFrom(BASIS, BASIS, BASIS, BAD_BASIS), riskLevel: fc.integer({ min: -1, max: 5 }),
  }),
  fc.record({
    type: fc.constant('enrolled' as const), personId: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
    group: fc.constantFrom(...groups), node: fc.constantFrom(...near), person: fc.constant({ name: '李四' }),
    legalBasis: fc.constantFrom(BASIS, BASIS, BASIS, BAD_BASIS),
  }),
  fc.record({ type: fc.constant('risk-assessed' as const), personId: fc.constantFrom('p1', 'p2', 'p3'), riskLevel: fc.integer({ min: -1, max: 6 }) }),
  fc.record({ type: fc.constant('followed-up' as const), personId: fc.constantFrom('p1', 'p2', 'p3'), riskLevel: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }) }),
  fc.record({ type: fc.constant('handed-over' as const), personId: fc.constantFrom('p1', 'p2'), from: fc.constantFrom('hospital', 'police', 'x'), to: fc.constantFrom('family', 'governance') }),
  fc.record({ type: fc.constant('notified' as const), personId: fc.constantFrom('p1', 'p2', 'p3'), from: fc.constant('town' as const), to: fc.constant('police' as const) }),
  fc.record({ type: fc.constant('moved' as const), personId: fc.constantFrom('p1', 'p2'), node: fc.constantFrom(...near) }),
  fc.record({ type: fc.constant('left' as const), personId: fc.constantFrom('p1', 'p2', 'p3'), reason: fc.constantFrom('', '迁出') }),
) as fc.Arbitrary<RegistryCommand>;

test('property: refusals change nothing; accepted commands replay to the same registry', () => {
  let accepted = 0;
  let tried = 0;
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat({ max: grants.length - 1 }), commandArb, fc.nat({ max: 10 })), { maxLength: 40 }), (steps) => {
      let clock = Date.parse('2025-01-01T09:00:00+08:00');
      let state = emptyRegistry();
      const log: RegistryEvent[] = [];
      const seedSteps: Array<[number, RegistryCommand, number]> = [
        [0, { type: 'enrolled', personId: 'p1', group: 'severe-mental-disorder', node: near[0], person: { name: '王五' }, legalBasis: BASIS, riskLevel: 1 }, 0],
        [0, { type: 'enrolled', personId: 'p2', group: 'drug-user', node: near[1], person: { name: '赵六' }, legalBasis: BASIS }, 0],
      ];
      for (const [g, cmd, days] of [...seedSteps, ...steps]) {
        clock += days * 86_400_000;
        const [role, node] = grants[g];
        const access = createAccess({ id: `${role}-1`, roles: [{ role, node }] }, h, { now: () => clock });
        const before = JSON.stringify([...state.persons]);
        const r = decideRegistry(state, access, cmd);
        if (!r.ok) {
          assert.equal(JSON.stringify([...state.persons]), before);
          assert.ok(r.errors.every((e) => e.code && e.zh && e.en));
          continue;
        }
        log.push(r.value);
        state = evolveRegistry(state, r.value);
        const p = state.persons.get(r.value.personId)!;
        if (p.riskLevel !== undefined) assert.ok(Number.isInteger(p.riskLevel) && p.riskLevel >= 0 && p.riskLevel <= 5);
        assert.ok(p.legalBases.length > 0, 'every record has a legal basis');
      }
      assert.deepEqual(replayRegistry(log), state);
      // folded in place, event by event (a live record's hot path), the same registry
      const live: MutableRegistryState = { persons: new Map(), version: 0 };
      for (const e of log) applyRegistry(live, e);
      assert.deepEqual(live, state);
      assert.equal(state.version, log.length);
      accepted += log.length;
      tried += steps.length + seedSteps.length;
    }),
    { numRuns: 150 },
  );
  assert.ok(accepted > tried / 5, `the sequences exercise accepted commands too (${accepted} of ${tried})`);
});

const zone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

test('property: Shanghai dates agree with the platform time zone data (1992 onwards, no DST)', () => {
  fc.assert(
    fc.property(fc.integer({ min: Date.parse('1992-01-01T00:00:00Z'), max: Date.parse('2100-12-31T00:00:00Z') }), (t) => {
      const d = shanghaiDate(t);
      assert.equal(`${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`, zone.format(t));
    }),
    { numRuns: 2000 },
  );
});

test('property: adding months never overflows into the next month and keeps the day when it exists', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 36 }), (y, m, d0, n) => {
      const d = Math.min(d0, daysInMonth(y, m));
      const r = addLocalMonths({ y, m, d }, n);
      assert.equal((r.y * 12 + r.m) - (y * 12 + m), n);
      assert.equal(r.d, Math.min(d, daysInMonth(r.y, r.m)));
    }),
  );
});
