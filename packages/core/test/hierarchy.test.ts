import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildHierarchy, JcError, type HierarchyConfig, type NodeInput } from '@jiceng/core';
import { type LevelDef, type Hierarchy } from '@jiceng/core/hierarchy';
import { sixLevels, smallNodes } from './fixtures/small-tree.js';

function built(config: HierarchyConfig, nodes: NodeInput[]): Hierarchy {
  const r = buildHierarchy(config, nodes);
  if (!r.ok) assert.fail(r.errors.map((e) => `${e.code} ${e.column}: ${e.en}`).join('\n'));
  return r.value;
}
const h = built(sixLevels, smallNodes);
const at = (code: string) => {
  const i = h.indexOf(code);
  assert.ok(i >= 0, `no ${code}`);
  return i;
};

test('every input node is indexed once, root first, subtrees contiguous in pre-order', () => {
  assert.equal(h.size, smallNodes.length);
  assert.equal(at('350300000000'), 0);
  assert.equal(h.parents[0], -1);
  const seen = new Set<string>();
  for (let i = 0; i < h.size; i++) {
    seen.add(h.code(i));
    assert.equal(h.indexOf(h.code(i)), i);
    // every node of the subtree range has i on its path; nothing outside does
    for (let j = 0; j < h.size; j++) {
      const inRange = j >= i && j < h.ends[i];
      assert.equal(h.path(j).includes(i), inRange, `${i} ${j}`);
    }
  }
  assert.equal(seen.size, smallNodes.length);
  assert.equal(h.indexOf('999999999999'), -1);
});

test('parent, depth, level, children and child count follow the input', () => {
  for (const n of smallNodes) {
    const i = at(n.code);
    assert.equal(h.name(i), n.name);
    assert.equal(h.level(i).id, n.level);
    assert.equal(h.parents[i], n.parent === null ? -1 : at(n.parent));
    const kids = smallNodes.filter((c) => c.parent === n.code).map((c) => at(c.code));
    assert.deepEqual(h.children(i), kids, `children of ${n.code} in input order`);
    assert.equal(h.childCount(i), kids.length);
    assert.equal(h.depths[i], h.path(i).length - 1);
    assert.equal(h.levelOf[i], sixLevels.levels.findIndex((l) => l.id === n.level));
  }
  assert.deepEqual(h.children(at('350300000000')).map((i) => h.name(i)), ['荔城区', '城厢区', '湄洲湾北岸经济开发区']);
});

test('isAncestor agrees with walking up the parents for every pair', () => {
  for (let a = 0; a < h.size; a++) {
    for (let b = 0; b < h.size; b++) {
      let x = b;
      let walk = false;
      while (x >= 0) {
        if (x === a) walk = true;
        x = h.parents[x]!;
      }
      assert.equal(h.isAncestor(a, b), walk, `${h.code(a)} over ${h.code(b)}`);
    }
  }
  assert.equal(h.isAncestor(at('350304000000'), at('350304001001001002')), true);
  assert.equal(h.isAncestor(at('350302000000'), at('350304001001001002')), false);
});

test('ancestorAt, path and names in both languages', () => {
  const unit = at('350304001001002001');
  assert.equal(h.ancestorAt(unit, 'town'), at('350304001000'));
  assert.equal(h.ancestorAt(unit, 1), at('350304000000'));
  assert.equal(h.ancestorAt(unit, 'unit'), unit);
  assert.equal(h.ancestorAt(at('350304000000'), 'grid'), -1, 'a county has no grid ancestor');
  assert.equal(h.ancestorAt(unit, 'nope'), -1);
  assert.deepEqual(h.path(unit).map((i) => h.name(i)), ['莆田市', '荔城区', '镇海街道', '镇海社区', '第二网格', '3号楼']);
  assert.equal(h.nameEn(at('350304000000')), 'Licheng');
  assert.equal(h.nameEn(at('350302000000')), '城厢区', 'falls back to the Chinese name');
});

test('countByLevel and countAtLevel count each level of a subtree', () => {
  assert.deepEqual(h.countByLevel(0), [1, 3, 4, 4, 4, 4]);
  assert.deepEqual(h.countByLevel(at('350304000000')), [0, 1, 2, 3, 3, 3]);
  assert.deepEqual(h.countByLevel(at('3503B1000000')), [0, 1, 1, 1, 1, 1]);
  assert.deepEqual(h.countByLevel(at('350304001001001001')), [0, 0, 0, 0, 0, 1]);
  for (let i = 0; i < h.size; i++) {
    const naive = [0, 0, 0, 0, 0, 0];
    for (let j = 0; j < h.size; j++) if (h.isAncestor(i, j)) naive[h.levelOf[j]]++;
    assert.deepEqual(h.countByLevel(i), naive);
    assert.equal(h.countAtLevel(i, 'grid'), naive[4]);
  }
});

test('search by name substring, pinyin initials and code prefix, in pre-order, limited', () => {
  assert.deepEqual(h.search('lcq'), [at('350304000000')], '荔城区 ← lcq');
  assert.deepEqual(h.search('LCQ'), [at('350304000000')], 'case does not matter');
  assert.deepEqual(h.searchInitials('zhsq'), [at('350304001001')], '镇海社区');
  assert.deepEqual(h.searchInitials('wg'), [at('350304001001001'), at('350304001001002'), at('350304001002001'), at('350305102201001')]);
  assert.deepEqual(h.searchName('网格'), h.searchInitials('wg'));
  assert.deepEqual(h.searchName('忠门'), ['350305102000', '350305102201', '350305102201001', '350305102201001001'].map(at));
  assert.deepEqual(h.searchCode('3503051'), [at('350305102000'), at('350305102201'), at('350305102201001'), at('350305102201001001')]);
  assert.deepEqual(h.search('网格', 2), h.searchName('网格').slice(0, 2));
  assert.deepEqual(h.search('zm').map((i) => h.name(i)), ['忠门镇', '忠门村', '忠门一网格', '忠门1单元']);
  assert.deepEqual(h.search('350302'), [at('350302000000'), at('350302001000')]);
  assert.deepEqual(h.search(''), []);
  assert.deepEqual(h.search('不存在的名字'), []);
  const all = h.search('号楼', 100);
  assert.deepEqual(all, [...all].sort((a, b) => a - b));
});

test('pinyin search accepts every reading of a polyphonic character', () => {
  const cfg: HierarchyConfig = { id: 'two', levels: [sixLevels.levels[0], sixLevels.levels[1]] };
  const t = built(cfg, [
    { code: '350300000000', parent: null, level: 'city', name: '莆田市' },
    { code: '350301000000', parent: '350300000000', level: 'county', name: '银行区' },
    { code: '350302000000', parent: '350300000000', level: 'county', name: '行政区' },
  ]);
  assert.deepEqual(t.searchInitials('yh'), [1], '银行 yín háng');
  assert.deepEqual(t.searchInitials('xz'), [2], '行政 xíng zhèng');
});

test('node records round-trip with zone, names and validity dates', () => {
  for (const n of smallNodes) assert.deepEqual(h.node(at(n.code)), n);
  assert.equal(h.isZone(at('3503B1000000')), true);
  assert.equal(h.isZone(0), false);
  assert.equal(h.validFrom(at('350302001000')), '2000-01-01');
  assert.equal(h.validTo(at('350302001000')), '2030-01-01');
  assert.equal(h.nodes().length, h.size);
});

test('the index is immutable and refuses positions that do not exist', () => {
  assert.ok(Object.isFrozen(h));
  assert.throws(() => {
    (h as { size: number }).size = 3;
  }, TypeError);
  assert.throws(() => h.name(h.size), (e: unknown) => e instanceof JcError && e.issue.code === 'E_NO_NODE');
  assert.throws(() => h.children(-1), JcError);
  assert.throws(() => h.countByLevel(1.5), JcError);
});

const level = (id: string, length: number, significant: number): LevelDef => ({
  id, name: { zh: id, en: id }, duties: [], code: { length, significant },
});

test('a five-level city works', () => {
  const five: HierarchyConfig = {
    id: 'five',
    levels: [level('city', 6, 4), level('district', 6, 6), level('street', 9, 9), level('community', 12, 12), level('grid', 15, 15)],
  };
  const t = built(five, [
    { code: '440300', parent: null, level: 'city', name: '深圳市' },
    { code: '440304', parent: '440300', level: 'district', name: '福田区' },
    { code: '440304001', parent: '440304', level: 'street', name: '南园街道' },
    { code: '440304001001', parent: '440304001', level: 'community', name: '南园社区' },
    { code: '440304001001001', parent: '440304001001', level: 'grid', name: '南园一网格' },
    { code: '440304001001002', parent: '440304001001', level: 'grid', name: '南园二网格' },
  ]);
  assert.deepEqual(t.countByLevel(0), [1, 1, 1, 1, 2]);
  assert.equal(t.ancestorAt(t.indexOf('440304001001002'), 'street'), t.indexOf('440304001'));
  assert.deepEqual(t.search('nyewg').map((i) => t.name(i)), ['南园二网格']);
  const bad = buildHierarchy(five, [
    { code: '440300', parent: null, level: 'city', name: '深圳市' },
    { code: '440304001', parent: '440300', level: 'street', name: '南园街道' },
  ]);
  assert.equal(!bad.ok && bad.errors[0].code, 'E_LEVEL_ORDER');
});

test('a seven-level city works', () => {
  const seven: HierarchyConfig = {
    id: 'seven',
    levels: [
      level('province', 12, 2), level('city', 12, 4), level('county', 12, 6), level('town', 12, 9),
      level('village', 12, 12), level('grid', 15, 15), level('unit', 18, 18),
    ],
  };
  const t = built(seven, [
    { code: '350000000000', parent: null, level: 'province', name: '福建省' },
    { code: '350300000000', parent: '350000000000', level: 'city', name: '莆田市' },
    { code: '350304000000', parent: '350300000000', level: 'county', name: '荔城区' },
    { code: '350304001000', parent: '350304000000', level: 'town', name: '镇海街道' },
    { code: '350304001001', parent: '350304001000', level: 'village', name: '镇海社区' },
    { code: '350304001001001', parent: '350304001001', level: 'grid', name: '一网格' },
    { code: '350304001001001001', parent: '350304001001001', level: 'unit', name: '1号楼' },
  ]);
  assert.deepEqual(t.countByLevel(0), [1, 1, 1, 1, 1, 1, 1]);
  assert.deepEqual(t.path(6), [0, 1, 2, 3, 4, 5, 6]);
  assert.equal(t.level(6).id, 'unit');
  assert.equal(t.ancestorAt(6, 'province'), 0);
});

test('every problem of the input is reported at once, with the field and code in zh and en', () => {
  const bad: NodeInput[] = [
    { code: '350300000000', parent: null, level: 'city', name: '莆田市' },
    { code: '35030400000', parent: '350300000000', level: 'county', name: '短编码' }, // 11 digits
    { code: '35030X000000', parent: '350300000000', level: 'county', name: '字母' },
    { code: '350404000000', parent: '350300000000', level: 'county', name: '不在市下' },
    { code: '350305000000', parent: '350399000000', level: 'county', name: '孤儿' },
    { code: '350300000000', parent: null, level: 'city', name: '重复' },
    { code: '350306001000', parent: '350300000000', level: 'town', name: '层级错' },
    { code: '350307000000', parent: '350300000000', level: 'county', name: '' },
    { code: '350308001000', parent: '350308002000', level: 'town', name: '环甲' },
    { code: '350308002000', parent: '350308001000', level: 'town', name: '环乙' },
    { code: '350309000000', parent: '350300000000', level: 'county', name: '日期', validFrom: '2020-13', validTo: '2019-01-01' },
  ];
  const r = buildHierarchy(sixLevels, bad);
  assert.equal(r.ok, false);
  if (r.ok) return;
  const got = r.errors.map((e) => `${e.code} ${e.column}`);
  assert.deepEqual(got, [
    'E_CODE_LENGTH nodes[1].code',
    'E_CODE_DIGITS nodes[2].code',
    'E_DUPLICATE_CODE nodes[5].code',
    'E_MISSING_FIELD nodes[7].name',
    'E_DATE nodes[10].validFrom',
    'E_UNKNOWN_PARENT nodes[4].parent',
    'E_CYCLE nodes[8].parent',
    'E_CYCLE nodes[9].parent',
    'E_CODE_NOT_UNDER_PARENT nodes[3].code',
    'E_LEVEL_ORDER nodes[6].level',
  ]);
  for (const e of r.errors) {
    assert.ok(e.zh.length > 0 && e.en.length > 0 && /[\u4e00-\u9fff]/.test(e.zh), e.code);
    assert.equal(e.severity, 'error');
  }
  assert.match(r.errors[0].zh, /长度应为 12 位（实为 11 位）/);
  assert.match(r.errors[0].en, /must be 12 characters long \(is 11\)/);
  assert.match(r.errors[6].en, /cycle: 350308002000 → 350308001000 → 350308002000|cycle: 350308001000 → 350308002000 → 350308001000/);
});

test('roots: none, several, or not on the first level are refused', () => {
  const none = buildHierarchy(sixLevels, [{ code: '350300000000', parent: '350300000000', level: 'city', name: '自环' }]);
  assert.deepEqual(!none.ok && none.errors.map((e) => e.code).sort(), ['E_CYCLE', 'E_NO_ROOT']);
  const two = buildHierarchy(sixLevels, [
    { code: '350300000000', parent: null, level: 'city', name: '莆田市' },
    { code: '350100000000', parent: null, level: 'city', name: '福州市' },
  ]);
  assert.deepEqual(!two.ok && two.errors.map((e) => `${e.code} ${e.column}`), ['E_MULTIPLE_ROOTS nodes[1].parent']);
  const low = buildHierarchy(sixLevels, [{ code: '350304000000', parent: null, level: 'county', name: '荔城区' }]);
  assert.deepEqual(!low.ok && low.errors.map((e) => e.code), ['E_ROOT_LEVEL']);
  const typed = buildHierarchy(sixLevels, [
    { code: '350300000000', parent: null, level: 'city', name: '莆田市' },
    { code: '350304000000', parent: 350300000000 as unknown as string, level: 'county', name: '荔城区' },
  ]);
  assert.deepEqual(!typed.ok && typed.errors.map((e) => `${e.code} ${e.column}`), ['E_TYPE nodes[1].parent'], 'a number where a code belongs is refused, not thrown');
  const empty = buildHierarchy(sixLevels, []);
  assert.deepEqual(!empty.ok && empty.errors.map((e) => e.code), ['E_NO_ROOT']);
});

test('unusual statistical ranges warn and still build; a zero segment is an error', () => {
  const r = buildHierarchy(sixLevels, [
    ...smallNodes,
    { code: '350304001700', parent: '350304001000', level: 'village', name: '特殊村' },
    { code: '350304800000', parent: '350304000000', level: 'town', name: '特殊镇' },
  ]);
  assert.ok(r.ok);
  assert.deepEqual(r.warnings.map((w) => `${w.code} ${w.severity} ${w.column}`), [
    `W_CODE_RANGE warning nodes[${smallNodes.length}].code`,
    `W_CODE_RANGE warning nodes[${smallNodes.length + 1}].code`,
  ]);
  assert.match(r.warnings[0].zh, /段值 700 不在常见范围/);
  const zero = buildHierarchy(sixLevels, [...smallNodes, { code: '350304001000000', parent: '350304001001', level: 'grid', name: '零' }]);
  assert.ok(!zero.ok);
  assert.ok(!zero.ok && zero.errors.some((e) => e.code === 'E_CODE_DIGITS' || e.code === 'E_CODE_NOT_UNDER_PARENT'));
});

test('children of a functional zone keep their legal codes; the zone code itself must extend the city', () => {
  const wrong = buildHierarchy(sixLevels, [
    ...smallNodes,
    { code: '350404103000', parent: '3503B1000000', level: 'town', name: '外市镇' },
  ]);
  assert.deepEqual(!wrong.ok && wrong.errors.map((e) => e.code), ['E_CODE_NOT_UNDER_PARENT']);
  const notZone = buildHierarchy(sixLevels, smallNodes.map((n) => (n.zone ? { ...n, zone: undefined } : n)).map(({ zone, ...n }) => n));
  assert.ok(!notZone.ok, 'without the zone flag the letters and the foreign town codes are refused');
});

test('random trees: every query agrees with a naive parent-pointer walk', () => {
  const cfg: HierarchyConfig = {
    id: 'rand',
    levels: [level('a', 2, 2), level('b', 4, 4), level('c', 6, 6), level('d', 8, 8)],
  };
  fc.assert(
    fc.property(fc.array(fc.nat(), { minLength: 0, maxLength: 60 }), fc.boolean(), (picks, shuffle) => {
      const nodes: NodeInput[] = [{ code: '11', parent: null, level: 'a', name: '根' }];
      const kids = new Map<string, number>();
      for (const p of picks) {
        const candidates = nodes.filter((n) => n.level !== 'd');
        const parent = candidates[p % candidates.length];
        const k = (kids.get(parent.code) ?? 0) + 1;
        if (k > 99) continue;
        kids.set(parent.code, k);
        const lv = cfg.levels[cfg.levels.findIndex((l) => l.id === parent.level) + 1];
        nodes.push({ code: parent.code + String(k).padStart(2, '0'), parent: parent.code, level: lv.id, name: `节点${nodes.length}` });
      }
      const input = shuffle ? [...nodes].reverse() : nodes;
      const t = built(cfg, input);
      const parentOf = new Map(nodes.map((n) => [n.code, n.parent]));
      for (let a = 0; a < t.size; a++) {
        for (let b = 0; b < t.size; b++) {
          let x: string | null | undefined = t.code(b);
          let under = false;
          while (x) {
            if (x === t.code(a)) under = true;
            x = parentOf.get(x);
          }
          if (t.isAncestor(a, b) !== under) return false;
        }
        const desc = nodes.filter((n) => t.isAncestor(a, t.indexOf(n.code))).length;
        if (t.countByLevel(a).reduce((s, v) => s + v, 0) !== desc) return false;
        if (t.ends[a] - a !== desc) return false;
      }
      return true;
    }),
    { numRuns: 60 },
  );
});
