import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAccess } from '@jiceng/core/access';
import { type Hierarchy } from '@jiceng/core/hierarchy';
import { evolveRegistry, decideRegistry, emptyRegistry } from '@jiceng/core/registry';
import { followUpFindings, type AlertRuleOf } from '@jiceng/core/alerts';
import { BASIS, makeTree } from './access-fixtures.js';

const rule: AlertRuleOf<'followUp'> = {
  id: 'fu', kind: 'followUp', name: { zh: '随访逾期', en: 'Follow-ups overdue' }, severity: 'warning', level: 'town', minOverdue: 5, roles: ['county-officer', 'town-officer'],
};

function world(): { h: Hierarchy; registry: ReturnType<typeof emptyRegistry>; towns: number[] } {
  const h = makeTree(() => 3);
  const towns = Array.from({ length: h.size }, (_, i) => i).filter((i) => h.level(i).id === 'town');
  const admin = createAccess({ id: 'admin', roles: [{ role: 'town-officer', node: h.code(0) }] }, h, { now: () => Date.parse('2026-01-05T09:00:00+08:00') });
  let registry = emptyRegistry();
  let k = 0;
  // Six stable people in the first town's units, two in the second's: enrolled in January, never visited since.
  for (const [town, n] of [[towns[0], 6], [towns[1], 2]] as const) {
    const units = Array.from({ length: h.size }, (_, i) => i).filter((i) => h.level(i).id === 'unit' && h.isAncestor(town, i));
    for (let j = 0; j < n; j++) {
      const r = decideRegistry(registry, admin, {
        type: 'enrolled', personId: `P-${k++}`, group: 'severe-mental-disorder', node: h.code(units[j]), legalBasis: BASIS, riskLevel: 1,
        person: { name: '测试人', idNumber: `35030319${String(800_000_000 + k).slice(-9)}X`, phone: '13700000000' },
      } as never);
      if (!r.ok) throw new Error(r.errors[0].en);
      registry = evolveRegistry(registry, r.value);
    }
  }
  return { h, registry, towns };
}

test('follow-ups overdue: counts per town for the roles allowed, small counts suppressed, no names', () => {
  const { h, registry, towns } = world();
  const county = h.parents[towns[0]];
  const officer = createAccess({ id: 'c1', roles: [{ role: 'county-officer', node: h.code(county) }] }, h);
  const june = Date.parse('2026-06-01T09:00:00+08:00');
  const r = followUpFindings(officer, registry, rule, june);
  assert.ok(r.ok);
  assert.deepEqual(r.value, [{ rule: 'fu', kind: 'followUp', severity: 'warning', at: june, node: h.code(towns[0]), count: 6 }]);
  // In February nothing is overdue yet (3 months after enrolment).
  const feb = followUpFindings(officer, registry, rule, Date.parse('2026-02-01T09:00:00+08:00'));
  assert.ok(feb.ok && feb.value.length === 0);
  const worker = createAccess({ id: 'g1', roles: [{ role: 'grid-worker', node: h.code(h.children(h.children(towns[0])[0])[0]) }] }, h);
  const refused = followUpFindings(worker, registry, rule, june);
  assert.ok(!refused.ok && refused.errors[0].code === 'E_NOT_PERMITTED');
});
