import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorize, createAccess, DEFAULT_ROLE_RULES } from '@jiceng/core/access';
import { can, CASE_COMMAND_TYPES, DEFAULT_CASE_POLICY } from '@jiceng/core/cases';
import { small } from './access-fixtures.js';

const h = small();
const roles = [...new Set(DEFAULT_CASE_POLICY.rules.map((r) => r.role))];
const levels = h.config.levels.map((l) => l.id);
/** The first node of each level, and one node of that level in another county (outside its subtree). */
const at = (level: string, county: string) => {
  for (let i = 0; i < h.size; i++) if (h.level(i).id === level && h.code(i).startsWith(county)) return i;
  return -1;
};

test('every role of the permission table has reading rights, and every reading role is in the table', () => {
  const reading = new Set(DEFAULT_ROLE_RULES.map((r) => r.id));
  for (const r of roles) assert.ok(reading.has(r), `role ${r} has no reading rule`);
  for (const r of reading) if (r !== 'police' && r !== 'health-worker' && r !== 'auditor') assert.ok(roles.includes(r), `reading role ${r} is not in the table`);
});

test('every role × command × level: authorize agrees with the table inside the scope and refuses outside it', () => {
  let checked = 0;
  for (const role of roles) {
    const own = DEFAULT_ROLE_RULES.find((r) => r.id === role)?.scope === 'own-reports';
    for (const level of levels) {
      const grant = at(level, level === 'city' ? '3503' : '350301');
      const access = createAccess({ id: 'a', roles: [{ role, node: h.code(grant) }] }, h);
      const inside = [grant, h.ends[grant] - 1]; // the grant node and the last node of its subtree
      const outside = level === 'city' ? -1 : at(level, '350302');
      for (const command of CASE_COMMAND_TYPES) {
        const allowed = can(DEFAULT_CASE_POLICY, role, command, level);
        for (const pos of inside) {
          const r = authorize(access, command, pos);
          assert.equal(r.ok, allowed, `${role}@${level} ${command} on ${h.code(pos)}`);
          if (!r.ok) assert.equal(r.errors[0].code, 'E_NOT_PERMITTED');
          checked++;
        }
        if (outside >= 0) {
          const r = authorize(access, command, outside);
          // citizens may report anywhere; everyone else is held to their subtree
          assert.equal(r.ok, own && allowed, `${role}@${level} ${command} outside`);
          if (!r.ok) assert.equal(r.errors[0].code, own ? 'E_NOT_PERMITTED' : 'E_OUT_OF_SCOPE');
          checked++;
        }
      }
    }
  }
  assert.ok(checked >= roles.length * levels.length * CASE_COMMAND_TYPES.length * 2);
});

test('a grid worker may handle in her grid but not close; the village officer closes there', () => {
  const grid = h.indexOf('350301101001001');
  const w = createAccess({ id: 'w', roles: [{ role: 'grid-worker', node: '350301101001001' }] }, h);
  assert.ok(authorize(w, 'reportHandled', grid + 1).ok);
  const close = authorize(w, 'close', grid);
  assert.equal(!close.ok && close.errors[0].code, 'E_NOT_PERMITTED');
  const v = createAccess({ id: 'v', roles: [{ role: 'grid-worker', node: '350301101001001' }, { role: 'village-officer', node: '350301101001' }] }, h);
  const r = authorize(v, 'close', grid + 1);
  assert.deepEqual(r.ok && r.value, { role: 'village-officer', node: '350301101001' });
  assert.equal(authorize(v, 'close', -1).ok, false);
});
