import { test } from 'node:test';
import assert from 'node:assert/strict';
import { patrolCoverage, patrolsOfUnit, recordPatrol, type PatrolRecord } from '@jiceng/core/cases';
import { ACTORS, hierarchy, makeCtx, T0, U1, U2, U3, U4, V1, G1, T1 } from './cases-fixture.js';

test('patrols are recorded on units in scope by roles that patrol', () => {
  const ctx = makeCtx();
  const ok = recordPatrol({ type: 'recordPatrol', unit: U1, findings: '楼道畅通' }, ACTORS.gw, ctx);
  assert.ok(ok.ok);
  assert.equal(ok.value.role, 'grid-worker');
  assert.equal(ok.value.unit, U1);
  const cases: [keyof typeof ACTORS, string, string][] = [
    ['gw', G1, 'E_NOT_UNIT'],
    ['gw', U4, 'E_OUT_OF_SCOPE'],
    ['vo', U1, 'E_NOT_PERMITTED'],
    ['gw', '350302101001001999', 'E_UNKNOWN_NODE'],
  ];
  for (const [who, unit, code] of cases) {
    const r = recordPatrol({ type: 'recordPatrol', unit, findings: 'x' }, ACTORS[who], ctx);
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.errors[0].code, code, `${who} ${unit}`);
  }
  const bad = recordPatrol({ type: 'recordPatrol', findings: 'x' }, ACTORS.gw, ctx);
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.equal(bad.errors[0].column, 'unit');
});

test('coverage is the share of units in a subtree patrolled in the period', () => {
  const ctx = makeCtx();
  const rec = (unit: string, at: number): PatrolRecord => {
    const r = recordPatrol({ type: 'recordPatrol', unit, findings: '正常', at }, { id: `gw-${unit.slice(12, 15)}`, roles: [{ role: 'grid-worker', node: unit.slice(0, 15) }] }, ctx);
    assert.ok(r.ok, r.ok ? '' : r.errors[0].en);
    return r.value;
  };
  const day = 86_400_000;
  const records = [rec(U1, T0), rec(U1, T0 + day), rec(U2, T0 + 40 * day), rec(U3, T0 + 2 * day), rec(U4, T0 + 3 * day)];
  // V1 holds U1, U2, U3; in the first month U1 and U3 were patrolled.
  assert.deepEqual(patrolCoverage(records, hierarchy, V1, T0, T0 + 30 * day), { units: 3, patrolled: 2, share: 2 / 3 });
  assert.deepEqual(patrolCoverage(records, hierarchy, T1, T0, T0 + 30 * day), { units: 4, patrolled: 3, share: 0.75 });
  assert.deepEqual(patrolCoverage(records, hierarchy, G1, T0 + 2 * day, T0 + 30 * day), { units: 2, patrolled: 0, share: 0 });
  assert.deepEqual(patrolCoverage(records, hierarchy, U2, T0, T0 + 60 * day), { units: 1, patrolled: 1, share: 1 });
  assert.deepEqual(patrolsOfUnit(records, U1).map((p) => p.at), [T0 + day, T0]);
});
