// Property test of candidate suggestion: whatever the members (skills, days, homes, loads,
// withdrawals) and the order (place, category, weekday, declines), suggestCandidates returns
// exactly the members a plain scorer returns — score every member, sort all, take the first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  applyEngagement, DEFAULT_SERVICE_CATEGORIES, emptyEngagementState, suggestCandidates, type AnyEngagementEvent,
} from '@jiceng/core/engagement';
import { hierarchy as h, G1, G2, T1, T2, U1, U3, U4, V1, V2 } from './cases-fixture.js';

const G3 = '350302101002001';
const HOMES = [G1, G2, G3, undefined, 'nowhere'];
const NODES = [V1, V2, T2];
const SKILLS = ['repair', 'care', 'legal'];
const PLACES = [U1, U3, U4, G3, V2, T1, T2, 'nowhere'];
const CATEGORIES = ['repair', 'elder-care', 'legal', 'health', 'no-such'];
const DAY = 86_400_000;
const MONDAY = Date.parse('2025-03-03T09:00:00+08:00');

const member = fc.record({
  node: fc.nat(NODES.length - 1), home: fc.nat(HOMES.length - 1), skills: fc.subarray(SKILLS),
  days: fc.subarray([0, 1, 2, 3, 4, 5, 6]), load: fc.oneof(fc.constant(0), fc.nat(3)), active: fc.nat(9),
});

/** The plain scorer: every member scored from its record, all sorted, the first `limit` taken. */
function plain(s: ReturnType<typeof emptyEngagementState>, o: { node: string; category: string; from: number; resident: string; declinedBy: string[] }, limit: number): string[] {
  const skill = DEFAULT_SERVICE_CATEGORIES.find((c) => c.id === o.category)?.skill;
  const day = new Date(o.from + 8 * 3_600_000).getUTCDay();
  const pos = h.indexOf(o.node);
  const at = (p: number, level: string) => (p < 0 ? -1 : h.ancestorAt(p, level));
  const same = (p: number, level: string) => at(pos, level) >= 0 && at(p, level) === at(pos, level);
  const scored = [...s.members.values()].map((m, i) => {
    const p = h.indexOf(m.home ?? m.node);
    const dist = same(p, 'grid') ? 0 : same(p, 'village') ? 1 : same(p, 'town') ? 2 : 3;
    const key = (skill !== undefined && m.skills.includes(skill) ? 0 : 8e6) + (m.days.includes(day) ? 0 : 4e6) + dist * 1e6 + Math.min(m.load, 999_999);
    return { m, key, i };
  }).filter(({ m }) => m.active && m.id !== o.resident && !o.declinedBy.includes(m.id));
  scored.sort((a, b) => a.key - b.key || a.i - b.i);
  return scored.slice(0, limit).map((x) => x.m.id);
}

test('suggestions are exactly the best members by skill, availability, distance, load and reporting order', () => {
  fc.assert(fc.property(
    fc.array(member, { maxLength: 60 }), fc.nat(PLACES.length - 1), fc.nat(CATEGORIES.length - 1), fc.nat(6),
    fc.array(fc.nat(59), { maxLength: 6 }), fc.integer({ min: 1, max: 8 }),
    (ms, place, category, weekday, declined, limit) => {
      const s = emptyEngagementState();
      ms.forEach((m, i) => {
        const e = {
          seq: i + 1, type: 'memberReported', at: MONDAY, actor: `m${i}`, role: 'party-member', roleNode: NODES[m.node], commandId: `c${i}`,
          data: { member: `m${i}`, kind: 'party-member', node: NODES[m.node], skills: m.skills, days: m.days, ...(HOMES[m.home] ? { home: HOMES[m.home] } : {}) },
        } as AnyEngagementEvent;
        applyEngagement(s, e);
        const st = s.members.get(`m${i}`)!;
        st.load = m.load;
        st.active = m.active !== 0;
      });
      const order = {
        node: PLACES[place], category: CATEGORIES[category], from: MONDAY + weekday * DAY, resident: declined.length ? `m${declined[0]}` : 'r1',
        declinedBy: declined.slice(1).map((d) => `m${d}`),
      };
      assert.deepEqual(suggestCandidates(s, order, h, { limit }).map((c) => c.member), plain(s, order, limit));
    },
  ), { numRuns: 500 });
});
