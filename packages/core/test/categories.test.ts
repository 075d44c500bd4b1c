import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildCategoryTable, createEmpoweredCatalogue, DEFAULT_CATEGORIES, gbt47678Categories, isEmpowered,
  type CategoryDef,
} from '../src/cases/categories.js';

const levels = ['city', 'county', 'town', 'village', 'grid', 'unit'].map((id) => ({
  id, name: { zh: id, en: id }, duties: [], code: { length: 12, significant: 12 },
}));
const config = { id: 'six', levels };

test('the default set has the eleven social-governance roots, each with sub-categories', () => {
  const t = buildCategoryTable(DEFAULT_CATEGORIES, config);
  assert.ok(t.ok);
  const roots = t.value.children(null).map((c) => c.id);
  assert.deepEqual(roots, ['dispute', 'safety', 'security', 'city', 'environment', 'health', 'livelihood', 'special', 'emergency', 'facility', 'other']);
  for (const r of roots) assert.ok(t.value.children(r).length >= 2, r);
});

test('sub-categories inherit limits, levels and topic, and override them', () => {
  const t = buildCategoryTable(DEFAULT_CATEGORIES);
  assert.ok(t.ok);
  const land = t.value.get('dispute.land')!;
  assert.deepEqual(land.limits.normal, { amount: 15, unit: 'workDays' });
  assert.deepEqual(land.limits.urgent, { amount: 2, unit: 'workDays' }); // from 'dispute'
  assert.equal(land.topic, 'social-stability');
  assert.equal(land.handleLevel, 'village');
  const epi = t.value.get('health.epidemic')!;
  assert.equal(epi.topic, 'epidemic-control');
  assert.ok(t.value.byTopic('epidemic-control').some((c) => c.id === 'health.epidemic'));
  const ib = t.value.get('city.illegal-building')!;
  assert.equal(ib.enforcement, true);
  assert.deepEqual(ib.closeLevels, ['town', 'county', 'city']);
  assert.ok(t.value.isWithin('city.illegal-building', 'city'));
  assert.ok(!t.value.isWithin('city', 'city.illegal-building'));
});

test('GB/T 47678.5 directory: kind + code is the key, a component and a matter may share a code', () => {
  const t = buildCategoryTable([...DEFAULT_CATEGORIES, ...gbt47678Categories()], config);
  assert.ok(t.ok);
  const comp = t.value.get('gbt47678:component:01001')!;
  const matter = t.value.get('gbt47678:matter:01001')!;
  assert.ok(comp && matter && comp !== matter);
  assert.equal(comp.code, '01001');
  assert.equal(comp.name.zh, '供水井盖');
  assert.equal(comp.topic, 'infrastructure');
  assert.equal(t.value.list.filter((c) => c.id.startsWith('gbt47678:component:') && c.code?.length === 5).length, 153);
  assert.equal(t.value.list.filter((c) => c.id.startsWith('gbt47678:matter:') && c.code?.length === 5).length, 250);
  assert.ok(t.value.list.length < 65536, 'fits CaseFacts.category (Uint16)');
  assert.ok(t.value.list.every((c, i) => c.index === i && (c.parent < i)));
});

test('bad tables are refused with codes: duplicate id, unknown parent, unknown level, cycle', () => {
  const name = { zh: 'x', en: 'x' };
  const cases: [CategoryDef[], string][] = [
    [[{ id: 'a', name }, { id: 'a', name }], 'E_DUPLICATE_CATEGORY'],
    [[{ id: 'a', parent: 'zz', name }], 'E_UNKNOWN_PARENT_CATEGORY'],
    [[{ id: 'a', name, handleLevel: 'planet' }], 'E_UNKNOWN_LEVEL'],
    [[{ id: 'a', parent: 'b', name }, { id: 'b', parent: 'a', name }], 'E_UNKNOWN_PARENT_CATEGORY'],
  ];
  for (const [defs, code] of cases) {
    const r = buildCategoryTable(defs, config);
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.errors[0].code, code);
  }
});

test('the empowered catalogue is per town node and honours parent categories', () => {
  const t = buildCategoryTable(DEFAULT_CATEGORIES);
  assert.ok(t.ok);
  const cat = createEmpoweredCatalogue({ '350302001000': ['environment'], '350302002000': ['city.illegal-building'] });
  assert.ok(isEmpowered(cat, t.value, '350302001000', 'environment.water'));
  assert.ok(!isEmpowered(cat, t.value, '350302002000', 'environment.water'));
  assert.ok(isEmpowered(cat, t.value, '350302002000', 'city.illegal-building'));
  assert.ok(!isEmpowered(cat, t.value, '350302003000', 'city.illegal-building'));
});
