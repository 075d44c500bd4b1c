import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHierarchy, CaseStore, type Actor } from '@jiceng/core';
import { createAccess } from '@jiceng/core/access';
import {
  emptyLists, exportListsCsv, importListsCsv, listContextOf, nodeLists, policySet, replayLists, rollUpProjects, sourceBalance,
} from '@jiceng/core/lists';
import { checkFilledForm, EXAMPLE_FORM_SET, registryFigures, replayRegistry } from '@jiceng/core/registry';
import {
  createPutianCaseContext, formatPutianListsSummary, generatePutian, generatePutianRegistry, PUTIAN_MEASURES, PUTIAN_REGISTRY_COUNTS,
  putianCategories, putianListEvents, putianListsSummary,
} from '@jiceng/putian';

const data = generatePutian({ seed: 1 });
const built = buildHierarchy(data.config, data.nodes);
if (!built.ok) throw new Error('the Putian hierarchy must build');
const h = built.value;
const categories = putianCategories(h);
const events = putianListEvents(h, { seed: 1 });
const replayed = replayLists(events, listContextOf(h, (id) => categories.indexOf(id) >= 0));
const townLevel = h.config.levels.findIndex((l) => l.id === 'town');
const towns = Array.from({ length: h.size }, (_, i) => i).filter((i) => h.levelOf[i] === townLevel).map((i) => h.code(i));

test('Putian’s lists pass every check: 1+4+21+N whole, items for every town, a catalogue per town', () => {
  assert.ok(replayed.ok, JSON.stringify(!replayed.ok && replayed.errors.slice(0, 3)));
  const s = replayed.value;
  const p = policySet(s, { supporting: 21 });
  assert.deepEqual([p.overall, p.sectorPlans, p.supporting, p.measures, p.complete], [1, 4, 21, PUTIAN_MEASURES.length, true]);
  assert.deepEqual(p.problems, [], 'every document is cited by some item');
  assert.equal(towns.length, 54);
  for (const t of towns) {
    const v = nodeLists(s, h, t)!;
    assert.ok(v.work.some((w) => w.node === t), `${t} has items of its own`);
    assert.equal(v.sectorItems.filter((x) => x.owner === t).length, 4);
    assert.ok(v.projects.length >= 2);
    assert.ok(v.empowered.some((e) => e.category === 'city.illegal-building'));
    assert.ok(s.funding.sources[`F-${t}`]);
  }
  // 一镇一清单: the catalogues differ from town to town
  const sizes = new Set(towns.map((t) => nodeLists(s, h, t)!.empowered.length));
  assert.ok(sizes.size > 1);
  // every source covers what it allocated; the city's pooled totals are the sum of its counties'
  for (const id of Object.keys(s.funding.sources)) assert.ok(sourceBalance(s.funding, id).left >= 0);
  const up = rollUpProjects(s, h);
  const counties = h.children(0);
  assert.equal(up.budget[0], counties.reduce((a, c) => a + up.budget[c], 0));
  assert.deepEqual(events, putianListEvents(h, { seed: 1 }));
});

test('in the Putian context a town enforces only what its catalogue lists, until a catalogue event adds it', () => {
  assert.ok(replayed.ok);
  const lacking = towns.find((t) => !replayed.value.empowered[`E-${t}-security.vice`])!;
  assert.ok(lacking, 'some town is not empowered for vice');
  const ctx = createPutianCaseContext(h);
  ctx.now = Date.parse('2025-03-03T09:00:00+08:00');
  const store = new CaseStore({ hierarchy: h, categories });
  const unit = h.code(h.children(h.children(h.children(h.indexOf(lacking))[0])[0])[0]);
  const officer: Actor = { id: 'to-x', roles: [{ role: 'town-officer', node: lacking }] };
  const gw: Actor = { id: 'gw-x', roles: [{ role: 'grid-worker', node: h.code(h.parents[h.indexOf(unit)]) }] };
  const run = (who: Actor, cmd: Record<string, unknown>) => store.execute(cmd, who, ctx);
  const d = run(gw, { type: 'discover', node: unit, source: 'patrol', description: '涉赌线索' });
  assert.ok(d.ok);
  const id = d.value[0].caseId;
  assert.ok(run(officer, { type: 'register', caseId: id, expectedVersion: 1, category: 'security.vice', urgency: 'normal', description: '涉赌线索' }).ok);
  const refused = run(officer, { type: 'dispatch', caseId: id, expectedVersion: 2, node: lacking });
  assert.equal(!refused.ok && refused.errors[0].code, 'E_NOT_EMPOWERED');
  ctx.rules.append({ type: 'list.upserted', kind: 'empowered', at: new Date(ctx.now).toISOString(), record: { id: `E-${lacking}-security.vice`, node: lacking, category: 'security.vice', matter: { zh: '涉赌涉黄', en: 'vice' }, policies: [] } });
  ctx.now += 60_000;
  const accepted = run(officer, { type: 'dispatch', caseId: id, expectedVersion: 2, node: lacking });
  assert.ok(accepted.ok, JSON.stringify(!accepted.ok && accepted.errors));
});

test('the registry: the seed’s totals are inputs; the split, the forms and the figures are derived and consistent', () => {
  const reg = generatePutianRegistry(h, { seed: 1 });
  const state = replayRegistry(reg);
  assert.equal(state.persons.size, PUTIAN_REGISTRY_COUNTS.records);
  let handovers = 0;
  const groups = new Map<string, number>();
  for (const p of state.persons.values()) {
    groups.set(p.group, (groups.get(p.group) ?? 0) + 1);
    for (const x of p.handovers) {
      handovers++;
      assert.equal(p.group, 'severe-mental-disorder');
      assert.ok(x.at > p.enrolledAt);
      assert.deepEqual(checkFilledForm(EXAMPLE_FORM_SET, x.form!, x.from, x.to), []);
    }
    assert.equal(p.person.idNumber, undefined, 'no identity numbers are generated');
  }
  assert.equal(handovers, PUTIAN_REGISTRY_COUNTS.handovers);
  assert.equal(groups.size, 5);
  // figures: the city's total is the sum of its counties', read in scope and suppressed
  const access = createAccess({ id: 'c', roles: [{ role: 'city-officer', node: h.code(0) }] }, h, { now: () => Date.parse('2023-01-01T00:00:00+08:00') });
  const f = registryFigures(access, state, [0, ...h.children(0)], { forms: EXAMPLE_FORM_SET });
  assert.ok(f.ok);
  const [city, ...counties] = f.value;
  assert.equal(city.total, counties.reduce((a, c) => a + (c.total ?? 0), 0));
  assert.equal(city.handovers, counties.reduce((a, c) => a + (c.handovers ?? 0), 0));
  assert.equal(Object.values(city.handoversByForm).reduce((a, c) => a + (c.count ?? 0), 0), PUTIAN_REGISTRY_COUNTS.handovers);
  // a small registry is suppressed in the summary
  assert.ok(replayed.ok);
  const tiny = replayRegistry(generatePutianRegistry(h, { seed: 1, records: 30, handovers: 3 }));
  const s = putianListsSummary(replayed.value, tiny, h);
  assert.deepEqual(s.registry, { records: 30, handovers: null });
  assert.match(formatPutianListsSummary(s, 'en'), /1\/4\/21\/9 \(complete\)[\s\S]*five forms\)\s+\(fewer than 5, suppressed\)/);
  const full = putianListsSummary(replayed.value, state, h);
  assert.deepEqual(full.registry, { records: 69_000, handovers: 20_200 });
  assert.match(formatPutianListsSummary(full), /五类特殊人群记录\s+69,000/);
});

test('the lists and the ledger go out as CSV and come back as the same state', () => {
  assert.ok(replayed.ok);
  const files = exportListsCsv(replayed.value, { bom: true });
  assert.deepEqual(Object.keys(files).sort(), ['allocations.csv', 'empowered.csv', 'funding-sources.csv', 'policies.csv', 'projects.csv', 'responsibilities.csv', 'sector-items.csv', 'spendings.csv', 'work.csv']);
  const back = importListsCsv(files, emptyLists(), listContextOf(h, (id) => categories.indexOf(id) >= 0), { at: '2016-01-01T00:00:00+08:00' });
  assert.ok(back.ok, JSON.stringify(!back.ok && back.errors.slice(0, 3)));
  const { version: _a, ...a } = back.value.state;
  const { version: _b, ...b } = replayed.value;
  assert.deepEqual(a, b);
  // a bad row is reported with its file, row and column
  const broken = { ...files, 'allocations.csv': files['allocations.csv'].replace(/\r\n(A-PRJ-001-1,[^,]+,PRJ-001,,,)(\d+)/, '\r\n$1999999999') };
  const r = importListsCsv(broken, emptyLists(), listContextOf(h), { at: '2016-01-01T00:00:00+08:00' });
  assert.ok(!r.ok);
  assert.deepEqual(r.errors.map((e) => [e.file, e.row, e.code]), [['allocations.csv', 2, 'E_FUND_OVER_BUDGET']]);
});
