import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PUTIAN_COUNTIES, PUTIAN_CITY, PUTIAN_LEVELS, putianConfig, putianDivisionNodes, isStreet } from '@jiceng/putian';

test('the six levels, top first, with the duties the seed gives each', () => {
  assert.deepEqual(PUTIAN_LEVELS.map((l) => l.id), ['city', 'county', 'town', 'village', 'grid', 'unit']);
  assert.deepEqual(PUTIAN_LEVELS.map((l) => l.name.zh), ['市', '县区', '镇街', '村居', '网格', '单元']);
  const duties = Object.fromEntries(PUTIAN_LEVELS.map((l) => [l.id, l.duties.map((d) => d.zh).join('、')]));
  assert.deepEqual(duties, {
    city: '顶层设计、统筹指挥、考核评价',
    county: '统筹指导、协同处置、督办问效',
    town: '综合研判、任务交办、综合执法',
    village: '信息汇聚、分类归纳、初步研处',
    grid: '信息汇集、网格巡查、便民服务',
    unit: '信息采集、日常访查、宣传引导',
  });
  for (const l of PUTIAN_LEVELS) {
    assert.ok(l.name.en.length > 0);
    for (const d of l.duties) assert.ok(d.en.length > 0, `${l.id} duty ${d.zh} has an English name`);
  }
  assert.deepEqual(PUTIAN_LEVELS.map((l) => [l.code.length, l.code.significant]), [[12, 4], [12, 6], [12, 9], [12, 12], [15, 15], [18, 18]]);
  assert.equal(putianConfig.id, 'putian');
  assert.equal(putianConfig.levels, PUTIAN_LEVELS);
});

test('7 governance counties and 54 towns/streets, split as REFERENCE §1 says', () => {
  assert.equal(PUTIAN_CITY.code, '350300000000');
  assert.deepEqual(
    PUTIAN_COUNTIES.map((c) => [c.name, c.towns.length]),
    [['城厢区', 7], ['涵江区', 12], ['荔城区', 6], ['秀屿区', 7], ['仙游县', 18], ['湄洲湾北岸经济开发区', 3], ['湄洲岛国家旅游度假区', 1]],
  );
  const zones = PUTIAN_COUNTIES.filter((c) => c.zone);
  assert.deepEqual(zones.map((z) => z.towns.map((t) => t.name)), [['忠门镇', '东埔镇', '山亭镇'], ['湄洲镇']]);
  const towns = PUTIAN_COUNTIES.flatMap((c) => c.towns);
  assert.equal(towns.length, 54);
  assert.equal(new Set(towns.map((t) => t.code)).size, 54);
  for (const bad of ['赤港开发区', '前沁农场', '后海管理局']) assert.ok(!towns.some((t) => t.name === bad), `${bad} is not a town`);
});

test('real codes: towns keep their legal NBS codes, zones have internal codes outside GB/T 2260', () => {
  for (const c of PUTIAN_COUNTIES) {
    assert.match(c.code, /^3503[0-9A-Z]{2}000000$/);
    assert.match(c.nameEn, /^[A-Z][A-Za-z ]+$/);
    if (c.zone) assert.match(c.code.slice(4, 6), /[A-Z]/, `${c.name} uses an internal code`);
    for (const t of c.towns) {
      assert.match(t.code, /^\d{9}000$/);
      assert.ok(t.code.startsWith(c.zone ? '350305' : c.code.slice(0, 6)), `${t.name} ${t.code} under its legal county`);
      assert.match(t.nameEn, /^[A-Z][a-z]+ (Town|Township|Subdistrict)$/);
      assert.equal(t.nameEn.endsWith('Subdistrict'), t.name.endsWith('街道'));
      assert.equal(isStreet(t.code), t.name.endsWith('街道'));
    }
  }
  const byName = new Map(PUTIAN_COUNTIES.flatMap((c) => c.towns).map((t) => [t.name, t.code]));
  assert.equal(byName.get('拱辰街道'), '350304002000');
  assert.equal(byName.get('湄洲镇'), '350305108000');
  assert.equal(byName.get('菜溪乡'), '350322204000');
});

test('division nodes: 62 in pre-order, zones flagged, towns under their governance county', () => {
  const nodes = putianDivisionNodes();
  assert.equal(nodes.length, 62);
  assert.equal(nodes[0].parent, null);
  const seen = new Set<string>();
  for (const n of nodes) {
    if (n.parent !== null) assert.ok(seen.has(n.parent), `${n.name}'s parent comes first`);
    seen.add(n.code);
  }
  assert.deepEqual(nodes.filter((n) => n.zone).map((n) => n.code), ['3503B1000000', '3503M1000000']);
  assert.equal(nodes.find((n) => n.name === '山亭镇')?.parent, '3503B1000000');
});
