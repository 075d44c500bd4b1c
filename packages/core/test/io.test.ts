import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildHierarchy, type JcIssue, type NodeInput } from '@jiceng/core';
import { formatIssue } from '@jiceng/core/errors';
import {
  decodeText, importConfig, exportCsv, exportJson, importCsv, importJson, toDocument, CSV_FILES, type CsvFiles, type Dataset,
} from '@jiceng/core/io';
import { buildOverlay, type OverlayInput } from '@jiceng/core/overlay';
import { sixLevels, smallNodes } from './fixtures/small-tree.js';
import { smallOverlay } from './fixtures/small-overlay.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const readDir = (dir: string): CsvFiles =>
  Object.fromEntries(readdirSync(fixtures + dir).map((f) => [f, new Uint8Array(readFileSync(fixtures + dir + '/' + f))]));
const good = readDir('csv-small');
const goodText = (name: string) => new TextDecoder().decode(good[name] as Uint8Array);
/** nodes.csv with line `row` (header = 1) replaced; null deletes it. */
function nodesWith(edits: Record<number, string | null>, extra: string[] = []): CsvFiles {
  const lines = goodText('nodes.csv').trimEnd().split('\r\n');
  const out = lines.map((l, k) => (k + 1 in edits ? edits[k + 1] : l)).filter((l): l is string => l !== null);
  return { ...good, 'nodes.csv': [...out, ...extra].join('\r\n') + '\r\n' };
}
function loaded(r: ReturnType<typeof importCsv>): Dataset {
  if (!r.ok) assert.fail(r.errors.map((e) => formatIssue(e, 'en')).join('\n'));
  return r.value;
}
const where = (e: JcIssue) => `${e.file}:${e.row} ${e.column} ${e.code}`;

test('decodeText strips a BOM and falls back to GB18030 with a warning', () => {
  assert.equal(decodeText('\ufeffcode').text, 'code');
  assert.equal(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x62])).text, 'ab');
  const gbk = decodeText(new Uint8Array([0xc0, 0xf3, 0xb3, 0xc7, 0xc7, 0xf8]), 'x.csv'); // 荔城区 in GBK
  assert.equal(gbk.text, '荔城区');
  assert.equal(gbk.encoding, 'gb18030');
  assert.deepEqual(gbk.warnings.map((w) => [w.code, w.file, w.severity]), [['W_ENCODING_GB18030', 'x.csv', 'warning']]);
  assert.equal(decodeText(new TextEncoder().encode('荔城区')).warnings.length, 0);
});

test('the CSV fixture loads: config.json, nodes and every overlay file', () => {
  const d = loaded(importCsv(good));
  assert.equal(d.hierarchy.size, smallNodes.length);
  assert.equal(d.overlay.count(0, 'role:grid-head'), 3);
  assert.equal(d.overlay.count(0, 'pairing:member-compound'), 2);
  assert.equal(d.config.id, 'test-six');
  assert.deepEqual(d.hierarchy.search('lcq').map((i) => d.hierarchy.name(i)), ['荔城区']);
});

test('GBK-encoded and BOM-prefixed nodes.csv load the same hierarchy', () => {
  const base = loaded(importCsv(good)).hierarchy.nodes();
  const gbk = importCsv({ ...good, 'nodes.csv': new Uint8Array(readFileSync(fixtures + 'csv-encodings/nodes-gbk.csv')) });
  const g = loaded(gbk);
  assert.deepEqual(g.hierarchy.nodes(), base);
  assert.deepEqual(gbk.warnings.map((w) => [w.code, w.file]), [['W_ENCODING_GB18030', 'nodes.csv']]);
  const bom = importCsv({ ...good, 'nodes.csv': new Uint8Array(readFileSync(fixtures + 'csv-encodings/nodes-bom.csv')) });
  assert.deepEqual(loaded(bom).hierarchy.nodes(), base);
  assert.deepEqual(bom.warnings, []);
});

test("Excel's Unicode text (UTF-16LE, tab-separated) loads too", () => {
  const tsv = goodText('nodes.csv').replaceAll(',', '\t');
  const utf16 = new Uint8Array(2 + tsv.length * 2);
  utf16[0] = 0xff;
  utf16[1] = 0xfe;
  for (let j = 0; j < tsv.length; j++) {
    utf16[2 + 2 * j] = tsv.charCodeAt(j) & 0xff;
    utf16[3 + 2 * j] = tsv.charCodeAt(j) >> 8;
  }
  assert.equal(decodeText(utf16).encoding, 'utf-16le');
  assert.deepEqual(loaded(importCsv({ ...good, 'nodes.csv': utf16 })).hierarchy.nodes(), loaded(importCsv(good)).hierarchy.nodes());
});

/** Each kind of error in nodes.csv, with its exact row, column, code and zh/en text. */
const cases: { name: string; files: CsvFiles; expect: [row: number, column: string, code: string, zh: RegExp, en: RegExp][] }[] = [
  {
    name: 'bad code length',
    files: nodesWith({ 5: '35030400100,350304001000,village,镇海社区,,,,' }),
    expect: [
      [5, 'code', 'E_CODE_LENGTH', /村居编码 35030400100 长度应为 12 位（实为 11 位）/, /Village code 35030400100 must be 12 characters long \(is 11\)/],
      // its grids still name the intended code, which no row carries now
      [6, 'parent', 'E_UNKNOWN_PARENT', /上级编码 350304001001 不存在/, /unknown parent code 350304001001/],
      [9, 'parent', 'E_UNKNOWN_PARENT', /上级编码 350304001001 不存在/, /unknown parent code 350304001001/],
    ],
  },
  {
    name: 'bad code digits',
    files: nodesWith({ 14: '3503041002O1,350304100000,village,黄石村,,,,' }),
    expect: [[14, 'code', 'E_CODE_DIGITS', /只能由数字组成/, /may contain only digits/]],
  },
  {
    name: 'code turned into a number by Excel',
    files: nodesWith({ 14: '3.50304E+11,350304100000,village,黄石村,,,,' }),
    expect: [[14, 'code', 'E_CODE_DIGITS', /疑似被 Excel 转为科学计数法/, /Excel seems to have turned it into a number/]],
  },
  {
    name: 'code not under its parent',
    files: nodesWith({ 13: '350303100000,350304000000,town,黄石镇,,,,', 14: '350303100201,350303100000,village,黄石村,,,,' }),
    expect: [[13, 'code', 'E_CODE_NOT_UNDER_PARENT', /应以上级 350304000000 的前 6 位 350304 开头/, /must start with the first 6 characters 350304 of its parent 350304000000/]],
  },
  {
    name: 'unknown parent',
    files: nodesWith({ 12: '350304001002001,350304001009,grid,梅峰一网格,,,,' }),
    expect: [[12, 'parent', 'E_UNKNOWN_PARENT', /上级编码 350304001009 不存在/, /unknown parent code 350304001009/]],
  },
  {
    name: 'duplicate code',
    files: nodesWith({}, ['350304001001002,350304001001,grid,第二网格（重复）,,,,']),
    expect: [[22, 'code', 'E_DUPLICATE_CODE', /编码 350304001001002 重复（首次出现在第 9 行）/, /duplicate code 350304001001002 \(first at row 9\)/]],
  },
  {
    name: 'cycle',
    files: nodesWith({}, ['350304001003,350304001003001,village,甲社区,,,,', '350304001003001,350304001003,grid,甲网格,,,,']),
    expect: [
      [22, 'parent', 'E_CYCLE', /上下级关系成环/, /parent links form a cycle/],
      [23, 'parent', 'E_CYCLE', /上下级关系成环/, /parent links form a cycle/],
    ],
  },
  {
    name: 'level out of order',
    files: nodesWith({ 14: '350304100201,350304000000,village,黄石村,,,,' }),
    expect: [[14, 'level', 'E_LEVEL_ORDER', /层级顺序错误：350304000000（县区）的下级应为镇街，而 350304100201 为村居/, /below 350304000000 \(County\) comes Town, but 350304100201 is Village/]],
  },
  {
    name: 'missing field',
    files: nodesWith({ 9: '350304001001002,350304001001,grid,,,,,', 10: '350304001001002001,350304001001002,,3号楼,,,,' }),
    expect: [
      [9, 'name', 'E_MISSING_FIELD', /缺少必填字段：中文名称/, /missing required field: name in Chinese/],
      [10, 'level', 'E_MISSING_FIELD', /缺少必填字段：层级 id/, /missing required field: level id/],
    ],
  },
  {
    name: 'unknown level and malformed date and flag',
    files: nodesWith({ 16: '350302001000,350302000000,township,凤凰山街道,,x,2000-1-1,2030-01-01' }),
    expect: [
      [16, 'zone', 'E_FORMAT', /应为 1\/0、是\/否、true\/false/, /must be 1\/0, 是\/否 or true\/false/],
      [16, 'valid_from', 'E_FORMAT', /格式错误，应为 YYYY-MM-DD 日期/, /expected a YYYY-MM-DD date/],
      [16, 'level', 'E_UNKNOWN_LEVEL', /未知层级“township”/, /unknown level "township"/],
    ],
  },
];

for (const c of cases) {
  test(`nodes.csv: ${c.name} gives file, row, column and zh/en text`, () => {
    const r = importCsv(c.files);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(r.errors.map(where), c.expect.map(([row, col, code]) => `nodes.csv:${row} ${col} ${code}`));
    r.errors.forEach((e, k) => {
      assert.match(e.zh, c.expect[k][3]);
      assert.match(e.en, c.expect[k][4]);
    });
  });
}

test('all problems of all files are reported at once', () => {
  const files = nodesWith({ 5: '35030400100,350304001000,village,镇海社区,,,,', 12: '350304001002001,350304001009,grid,梅峰一网格,,,,' });
  files['people.csv'] = goodText('people.csv').replace('p2,陈二,grid-head,350304001001002,0,', 'p2,陈二,mayor,350304001001002,maybe,');
  files['pairings.csv'] = goodText('pairings.csv').replace('pr2,member-compound,王某,市财政局,c3', 'pr2,member-compound,王某,市财政局,c9');
  const r = importCsv(files);
  assert.ok(!r.ok);
  assert.deepEqual(!r.ok && r.errors.map(where), [
    'people.csv:3 role E_UNKNOWN_VALUE',
    'people.csv:3 party_member E_FORMAT',
    'nodes.csv:5 code E_CODE_LENGTH',
    'nodes.csv:6 parent E_UNKNOWN_PARENT',
    'nodes.csv:9 parent E_UNKNOWN_PARENT',
    'nodes.csv:12 parent E_UNKNOWN_PARENT',
  ]);
  // With nodes.csv fixed, the overlay's references are checked as well.
  const r2 = importCsv({ ...files, 'nodes.csv': good['nodes.csv'] });
  assert.deepEqual(!r2.ok && r2.errors.map(where), [
    'people.csv:3 role E_UNKNOWN_VALUE',
    'people.csv:3 party_member E_FORMAT',
    'pairings.csv:3 target E_UNKNOWN_REF',
  ]);
  assert.match(!r2.ok ? r2.errors[0].zh : '', /角色“mayor”无效，应为：grid-head、unit-head、grid-worker、volunteer/);
});

test('rows are counted like a spreadsheet: a quoted line break stays in its row', () => {
  const files = nodesWith({ 4: '350304001000,350304000000,town,"镇海\r\n街道",,,,', 6: '350304001001001,350304001001,grid,第一网格,,,20x,' });
  const r = importCsv(files);
  // The quoted line break stays in row 4 (a line break in a name is refused there), row 6 is row 6.
  assert.deepEqual(!r.ok && r.errors.map(where), ['nodes.csv:6 valid_from E_FORMAT', 'nodes.csv:4 name E_CONTROL_CHAR']);
});

test('header problems: a missing required column, unknown columns warn, CSV syntax errors', () => {
  const noLevel = importCsv({ ...good, 'nodes.csv': goodText('nodes.csv').replace('code,parent,level,', 'code,parent,lvl,') });
  assert.ok(!noLevel.ok);
  assert.deepEqual(!noLevel.ok && noLevel.errors.map(where), ['nodes.csv:1 level E_CSV_HEADER']);
  assert.deepEqual(noLevel.warnings.map(where), ['nodes.csv:1 lvl W_CSV_COLUMN']);
  const quote = importCsv(nodesWith({ 21: '350305102201001001,350305102201001,unit,"忠门1单元,,,,' }));
  assert.deepEqual(!quote.ok && quote.errors.map((e) => `${e.file}:${e.row} ${e.code}`)[0], 'nodes.csv:21 E_CSV_SYNTAX');
  const none = importCsv({ 'nodes.csv': goodText('nodes.csv') });
  assert.deepEqual(!none.ok && none.errors.map((e) => e.code), ['E_NO_CONFIG']);
  const viaOption = importCsv({ 'nodes.csv': goodText('nodes.csv') }, { config: sixLevels });
  assert.equal(viaOption.ok && viaOption.value.hierarchy.size, smallNodes.length);
});

test('config.json problems are named by field path, from importConfig, importCsv and importJson', () => {
  const cfg = JSON.parse(goodText('config.json'));
  cfg.levels[2].id = 'county';
  cfg.levels[4].code.significant = 16;
  const text = JSON.stringify(cfg);
  const c = importConfig(text, { file: 'config.json' });
  assert.deepEqual(!c.ok && c.errors.map((e) => `${e.file} ${e.column} ${e.code}`), [
    'config.json levels[2].id E_CONFIG_LEVEL_ID',
    'config.json levels[4].code.significant E_CONFIG_CODE',
  ]);
  assert.match(!c.ok ? c.errors[0].zh : '', /层级 id“county”重复/);
  const viaCsv = importCsv({ ...good, 'config.json': text });
  assert.deepEqual(!viaCsv.ok && viaCsv.errors.map((e) => `${e.file} ${e.column} ${e.code}`), [
    'config.json levels[2].id E_CONFIG_LEVEL_ID',
    'config.json levels[4].code.significant E_CONFIG_CODE',
  ]);
  const missing = importConfig('{"id":"x","levels":[{"id":"a","name":{"zh":"甲"},"duties":[],"code":{"length":2,"significant":2}}]}');
  assert.deepEqual(!missing.ok && missing.errors.map((e) => `${e.column} ${e.code}`), ['levels[0].name.en E_MISSING_FIELD']);
  const good2 = importConfig(good['config.json']);
  assert.equal(good2.ok && good2.value.levels.length, 6);
  const doc = JSON.parse(exportJson(loaded(importCsv(good)).hierarchy));
  doc.config = cfg;
  const viaJson = importJson(JSON.stringify(doc), { file: 'city.json' });
  assert.deepEqual(!viaJson.ok && viaJson.errors.map((e) => `${e.file} ${e.column} ${e.code}`), [
    'city.json config.levels[2].id E_CONFIG_LEVEL_ID',
    'city.json config.levels[4].code.significant E_CONFIG_CODE',
  ]);
});

test('a failed import changes nothing the caller holds', () => {
  const before = loaded(importCsv(good));
  const snapshot = JSON.stringify({ nodes: before.hierarchy.nodes(), data: before.overlay.data, counts: before.overlay.counts(0) });
  let current = before;
  const r = importCsv(nodesWith({ 5: '35030400100,350304001000,village,镇海社区,,,,' }));
  if (r.ok) current = r.value;
  assert.equal(r.ok, false);
  assert.equal('value' in r, false, 'no half-loaded value');
  assert.equal(current, before);
  assert.equal(JSON.stringify({ nodes: current.hierarchy.nodes(), data: current.overlay.data, counts: current.overlay.counts(0) }), snapshot);
  assert.equal(current.hierarchy.search('镇海社区').length, 1);
});

/** Tricky text: commas, quotes, formula triggers, leading spaces (trimmed when built). */
function trickyData(): { nodes: NodeInput[]; overlay: OverlayInput } {
  const nodes = smallNodes.map((n) => ({ ...n }));
  nodes[1] = { ...nodes[1], name: '荔城区, "老城"', nameEn: 'Licheng, "old town", -east' };
  nodes[4] = { ...nodes[4], name: '=镇海街道' };
  const overlay: OverlayInput = structuredClone(smallOverlay);
  overlay.organisations[0].name = '镇海社区党委, "第一"';
  overlay.people[0].name = ' +林一（兼）';
  overlay.pairings[0].partnerOrg = '市委组织部,"办公室"';
  return { nodes, overlay };
}

test('JSON: export then import gives identical data', () => {
  const { nodes, overlay } = trickyData();
  const h = buildHierarchy(sixLevels, nodes);
  assert.ok(h.ok);
  const o = buildOverlay(h.value, overlay);
  assert.ok(o.ok);
  const text = exportJson(h.value, o.value);
  const back = importJson(text, { file: 'city.json' });
  assert.ok(back.ok);
  assert.deepEqual(toDocument(back.value.hierarchy, back.value.overlay), toDocument(h.value, o.value));
  assert.equal(exportJson(back.value.hierarchy, back.value.overlay), text);
  assert.deepEqual(new Set(back.value.hierarchy.nodes().map((n) => JSON.stringify(n))), new Set(nodes.map((n) => JSON.stringify(n))));
  const bytes = importJson(new TextEncoder().encode('\ufeff' + text));
  assert.ok(bytes.ok, 'bytes with a BOM');
});

test('CSV: export then import gives identical data, with commas, quotes, formula text and edge spaces', () => {
  const { nodes, overlay } = trickyData();
  const h = buildHierarchy(sixLevels, nodes);
  assert.ok(h.ok);
  const o = buildOverlay(h.value, overlay);
  assert.ok(o.ok);
  for (const bom of [false, true]) {
    const files = exportCsv(h.value, o.value, { bom });
    assert.deepEqual(Object.keys(files).sort(), ['config.json', ...Object.values(CSV_FILES).map((f) => f.file)].sort());
    const back = loaded(importCsv(files));
    assert.deepEqual(toDocument(back.hierarchy, back.overlay), toDocument(h.value, o.value));
    assert.deepEqual(exportCsv(back.hierarchy, back.overlay, { bom }), files);
  }
});

test('JSON problems name the field path; format and version are checked first', () => {
  const doc = toDocument(loaded(importCsv(good)).hierarchy, loaded(importCsv(good)).overlay);
  const bad = structuredClone(doc);
  bad.nodes[3].code = '';
  (bad.people[1] as { partyMember: unknown }).partyMember = 'no';
  bad.nodes[7].parent = '350304001009';
  const r = importJson(JSON.stringify(bad), { file: 'city.json' });
  assert.deepEqual(!r.ok && r.errors.map((e) => `${e.file} ${e.column} ${e.code}`), [
    'city.json nodes[3].code E_MISSING_FIELD',
    'city.json people[1].partyMember E_TYPE',
  ]);
  const structural = structuredClone(doc);
  structural.nodes[7].parent = '350304001009';
  const r2 = importJson(structural);
  assert.deepEqual(!r2.ok && r2.errors.map((e) => `${e.column} ${e.code}`), ['nodes[7].parent E_UNKNOWN_PARENT']);
  assert.deepEqual(!importJson('{"format":"other"}').ok && (importJson('{"format":"other"}') as { errors: JcIssue[] }).errors[0].code, 'E_FORMAT');
  const v2 = importJson(JSON.stringify({ ...doc, version: 2 }));
  assert.equal(!v2.ok && v2.errors[0].code, 'E_VERSION');
  const syntax = importJson('{ nope');
  assert.equal(!syntax.ok && syntax.errors[0].code, 'E_JSON_SYNTAX');
});
