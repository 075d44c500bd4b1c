// Property tests over random trees and random actors: nothing of a scope the actor cannot see
// leaves any query or export path, and masked values never appear in an export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  auditTrail, createAccess, exportAuditTrail, filterCases, readRecord, readRightsAt, scopedExport, scopedFacts, scopedMetrics, sensitivityRank, viewRecords, DEFAULT_FIELD_POLICY, DEFAULT_ROLE_RULES, type Access,
} from '@jiceng/core/access';
import { createCaseFacts } from '@jiceng/core/cases';
import { type Hierarchy } from '@jiceng/core/hierarchy';
import {
  decideRegistry, evolveRegistry, emptyRegistry, registryFigures, registryRecords, type RegistryState,
} from '@jiceng/core/registry';
import { BASIS, makeTree } from './access-fixtures.js';

const ROLES = DEFAULT_ROLE_RULES.map((r) => r.id);
const HAN = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
/** A unique Chinese name of 3 characters for record n (never a substring of another's). */
const nameOf = (n: number) => `${HAN[n % 32]}${HAN[Math.floor(n / 32) % 32]}${HAN[(n * 7 + 3) % 32]}`;

interface World {
  h: Hierarchy;
  cases: Record<string, unknown>[];
  registry: RegistryState;
  access: Access;
}

const worldArb = fc
  .record({
    fanout: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 5, maxLength: 30 }),
    grants: fc.array(fc.record({ role: fc.constantFrom(...ROLES), node: fc.nat() }), { maxLength: 3 }),
    anon: fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }),
    own: fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }),
  })
  .map(({ fanout, grants, anon, own }): World => {
    const h = makeTree((d, k) => Math.min(fanout[(d * 7 + k) % fanout.length], d >= 3 ? 2 : 3));
    const actor = { id: 'me', roles: grants.map((g) => ({ role: g.role, node: h.code(g.node % h.size) })) };
    const access = createAccess(actor, h, { now: () => Date.parse('2026-06-01T09:00:00+08:00') });
    const cases: Record<string, unknown>[] = [];
    let n = 0;
    for (let i = 0; i < h.size; i++) {
      if (h.level(i).id !== 'unit') continue;
      cases.push({
        id: `CASE-${n}-X`, node: h.code(i), category: 'dispute', anonymous: anon[n % anon.length],
        reporterId: own[n % own.length] ? 'me' : `r${n}`, reporterName: nameOf(n), reporterPhone: `139${String(10_000_000 + n * 7919).slice(-8)}`,
        reporterIdNumber: `35030219${String(700_000_000 + n).slice(-9)}X`, reporterAddress: `测试路${n}号${n}室`,
        location: `测试巷${n}号`, description: `噪音扰民，联系电话139${String(10_000_000 + n * 7919).slice(-8)}`,
      });
      n++;
    }
    // the registry: one person per unit, written by a town officer of the whole city
    const admin = createAccess({ id: 'admin', roles: [{ role: 'town-officer', node: h.code(0) }] }, h, { now: () => Date.parse('2026-01-05T09:00:00+08:00') });
    let registry = emptyRegistry();
    const groups = ['released-prisoner', 'community-correction', 'severe-mental-disorder', 'drug-user', 'hiv-risk'];
    cases.forEach((c, k) => {
      const group = groups[k % 5];
      const r = decideRegistry(registry, admin, {
        type: 'enrolled', personId: `PERSON-${k}-Y`, group, node: c.node as string, legalBasis: BASIS,
        person: { name: nameOf(k + 500), idNumber: `35030319${String(800_000_000 + k).slice(-9)}X`, phone: `137${String(20_000_000 + k * 104_729).slice(-8)}` },
        ...(group === 'severe-mental-disorder' ? { riskLevel: k % 6 } : {}),
      } as never);
      // admin holds town-officer at the city level: not a writing grant there, so enrol directly
      if (r.ok) registry = evolveRegistry(registry, r.value);
    });
    return { h, cases, registry, access };
  });

/** Every string an actor must never receive about case c (when c is outside its sight). */
function traces(c: Record<string, unknown>): string[] {
  return ['id', 'reporterName', 'reporterPhone', 'reporterIdNumber', 'reporterAddress', 'location'].map((k) => String(c[k]));
}

test('out-of-scope records leave no trace in any list, dossier, export, metric or audit path', () => {
  fc.assert(
    fc.property(worldArb, ({ h, cases, access }) => {
      const outside = cases.filter((c) => !access.scope.seesCase(h.indexOf(c.node as string), c.reporterId as string));
      const insideIds = new Set(cases.filter((c) => !outside.includes(c)).map((c) => c.id));
      const outputs: string[] = [];
      outputs.push(JSON.stringify(filterCases(access, cases)));
      outputs.push(JSON.stringify(viewRecords(access, 'case', cases, { purpose: 'p' })));
      outputs.push(JSON.stringify(viewRecords(access, 'case', cases, { withoutPurpose: 'mask' })));
      for (const view of ['public', 'wall-screen', 'staff'] as const) outputs.push(JSON.stringify(viewRecords(access, 'case', cases, { purpose: 'p', view })));
      for (const format of ['jsonl', 'csv'] as const) outputs.push(JSON.stringify(scopedExport(access, 'case', cases, { purpose: 'p', format })));
      for (const c of outside.slice(0, 5)) {
        const r = readRecord(access, 'case', c, { purpose: 'p' });
        assert.equal(r.ok, false);
        outputs.push(JSON.stringify(r));
      }
      outputs.push(JSON.stringify(auditTrail(access, { ownOnly: true })));
      outputs.push(JSON.stringify(exportAuditTrail(access, 'p')));
      const all = outputs.join('\n');
      for (const c of outside) for (const t of traces(c)) assert.ok(!all.includes(t), `leaked ${t}`);
      // and what is returned is exactly what is in sight
      assert.deepEqual(new Set(filterCases(access, cases).map((c) => c.id)), insideIds);
    }),
    { numRuns: 60 },
  );
});

test('metrics and figures: in-scope nodes count only in-scope rows; every other node is refused', () => {
  fc.assert(
    fc.property(worldArb, ({ h, cases, registry, access }) => {
      const f = createCaseFacts(cases.length);
      cases.forEach((c, k) => { f.node[k] = h.indexOf(c.node as string); f.caseIds[k] = c.id as string; });
      f.length = cases.length;
      const s = scopedFacts(access, f);
      for (let i = 0; i < s.length; i++) assert.ok(access.scope.inScope(s.node[i]));
      const m = scopedMetrics(access, f, (sf) => {
        const c = new Float64Array(h.size);
        for (let i = 0; i < sf.length; i++) for (let n = sf.node[i]; n >= 0; n = h.parents[n]) c[n]++;
        return c;
      });
      const nodes = Array.from({ length: h.size }, (_, i) => i);
      for (const n of nodes) {
        const r = m.at(n);
        if (access.scope.inScope(n)) {
          const expected = cases.filter((c) => h.isAncestor(n, h.indexOf(c.node as string))).length;
          assert.deepEqual(r, { ok: true, value: expected, warnings: [] });
        } else assert.equal(!r.ok && r.errors[0].code, 'E_OUT_OF_SCOPE');
        const g = registryFigures(access, registry, [n]);
        assert.equal(g.ok, access.scope.inScope(n));
        if (g.ok) for (const cell of Object.values(g.value[0].byGroup)) assert.ok(cell.count === null || cell.count === 0 || cell.count >= 5, 'small cell shown');
      }
      const rr = registryRecords(access, registry, { purpose: 'p' });
      const text = JSON.stringify(rr);
      for (const p of registry.persons.values()) {
        const pos = h.indexOf(p.node);
        const may = access.scope.inScope(pos) && access.grants.some((gr) => gr.rule.registryGroups?.includes(p.group) && h.isAncestor(gr.pos, pos));
        if (!may) for (const t of [p.id, p.person.name, p.person.idNumber!, p.person.phone!]) assert.ok(!text.includes(t), `registry leaked ${t}`);
      }
    }),
    { numRuns: 40 },
  );
});

test('masked values never appear in an export for an actor without the right', () => {
  fc.assert(
    fc.property(worldArb, fc.constantFrom('jsonl' as const, 'csv' as const), ({ h, cases, access }, format) => {
      const r = scopedExport(access, 'case', cases, { purpose: 'p', format });
      assert.ok(r.ok);
      const text = r.value.text;
      for (const c of filterCases(access, cases)) {
        const pos = h.indexOf(c.node as string);
        const rights = readRightsAt(access, pos);
        const self = c.reporterId === 'me';
        for (const key of ['reporterName', 'reporterPhone', 'reporterIdNumber', 'reporterAddress', 'location'] as const) {
          const rule = DEFAULT_FIELD_POLICY.case[key];
          const reporterSelf = self && 'reporter' in rule && rule.reporter;
          const anonHidden = c.anonymous === true && 'reporter' in rule && rule.reporter && !rights.contactsReporters;
          const allowed = reporterSelf || (!anonHidden && rights.rank >= sensitivityRank(rule.sensitivity));
          if (!allowed) assert.ok(!text.includes(String(c[key])), `${key} ${String(c[key])} leaked in ${format}`);
          else assert.ok(text.includes(String(c[key])), `${key} should be readable`);
        }
        // the description's phone is personal: masked below personal rights
        const hidden = c.anonymous === true && !rights.contactsReporters;
        if ((rights.rank < sensitivityRank('personal') || hidden) && !self) assert.ok(!text.includes(String(c.reporterPhone)));
      }
    }),
    { numRuns: 60 },
  );
});
