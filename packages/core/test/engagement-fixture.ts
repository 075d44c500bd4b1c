// Fixtures for the engagement tests: the small six-level tree of the case tests, the China
// calendar, a movable clock and actors — officers, residents and reported members.
import type { Actor } from '@jiceng/core';
import { EngagementStore, type EngagementContext } from '@jiceng/core/engagement';
import { calendar, hierarchy, G1, G2, T1, U1, U3, U4, V1, V2 } from './cases-fixture.js';

export { calendar, hierarchy, G1, G2, T1, U1, U3, U4, V1, V2 };

const a = (id: string, role: string, node: string): Actor => ({ id, roles: [{ role, node }] });
export const ACT = {
  vo1: a('vo1', 'village-officer', V1),
  vo2: a('vo2', 'village-officer', V2),
  to1: a('to1', 'town-officer', T1),
  gw1: a('gw1', 'grid-worker', G1),
  r1: a('r1', 'citizen', U1),
  r2: a('r2', 'citizen', U4),
  pm1: a('pm1', 'party-member', V1),
  pm2: a('pm2', 'party-member', V1),
  pm3: a('pm3', 'party-member', V1),
  pm4: a('pm4', 'party-member', V2),
} satisfies Record<string, Actor>;
export type ActKey = keyof typeof ACT;

/** Monday 2025-03-03 09:00 +08:00, a working day. */
export const T0 = Date.parse('2025-03-03T09:00:00+08:00');
export const HOUR = 3_600_000;

export function makeEngagement(start = T0): { store: EngagementStore; clock: { now: number }; ctx: EngagementContext } {
  const clock = { now: start };
  const ctx: EngagementContext = { hierarchy, calendar, clock: () => clock.now };
  return { store: new EngagementStore(ctx), clock, ctx };
}

let k = 0;
/** A fresh command id. */
export const cid = () => `k-${++k}`;

/** Reports pm1–pm4 (pm1 and r1 share household hh1; pm2 cares, pm3 repairs). */
export function reportAll(store: EngagementStore): void {
  const rep = (m: Actor, node: string, skills: string[], home?: string, household?: string) => {
    const r = store.execute({
      type: 'reportMember', commandId: cid(), member: m.id, kind: 'party-member', node, skills, days: [1, 2, 3, 4, 5],
      ...(home ? { home } : {}), ...(household ? { household } : {}),
    }, m);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
  };
  rep(ACT.pm1, V1, ['repair', 'care'], G1, 'hh1');
  rep(ACT.pm2, V1, ['care'], G2);
  rep(ACT.pm3, V1, ['repair'], G2);
  rep(ACT.pm4, V2, ['repair', 'care']);
}
