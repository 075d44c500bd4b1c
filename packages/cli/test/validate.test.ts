import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXIT, main, memoryIo } from '@jiceng/cli';

const GOOD_NODES = [
  'code,parent,level,name,name_en',
  '350300000000,,city,莆田市,Putian',
  '350304000000,350300000000,county,荔城区,Licheng',
  '350304001000,350304000000,town,镇海街道,',
  '350304001001,350304001000,village,镇海社区,',
  '350304001001001,350304001001,grid,镇海社区第一网格,',
  '350304001001001001,350304001001001,unit,1号楼,',
].join('\n');
const GOOD_PEOPLE = 'id,name,role,node,party_member\np1,林一,grid-head,350304001001001,1\np2,陈二,unit-head,350304001001001001,0\n';

/** Rows 3–7 each carry one kind of mistake. */
const BAD_NODES = [
  'code,parent,level,name',
  '350300000000,,city,莆田市',
  '3503040000,350300000000,county,荔城区', // row 3: 10 digits
  '350304001000,350399000000,town,镇海街道', // row 4: unknown parent
  '350304001000,350300000000,town,拱辰街道', // row 5: duplicate code
  '35030400100A,350304001000,village,镇海社区', // row 6: a letter in the code
  '350304001001001,350304001000,grid,', // row 7: no name
].join('\n');

async function run(args: string[], files: Record<string, string | Uint8Array>): Promise<{ code: number; out: string; err: string; io: ReturnType<typeof memoryIo> }> {
  const io = memoryIo(files);
  const code = await main(['validate', ...args], io);
  return { code, out: io.stdout(), err: io.stderr(), io };
}

test('a good CSV set passes with exit 0, in zh and in en', async () => {
  const zh = await run(['data'], { 'data/nodes.csv': GOOD_NODES, 'data/people.csv': GOOD_PEOPLE });
  assert.equal(zh.code, EXIT.ok);
  assert.match(zh.out, /^通过 data \(nodes\.csv, people\.csv\)：6 个节点，2 条人员记录$/m);
  assert.match(zh.out, /^没有错误，0 个警告$/m);
  assert.equal(zh.err, '');
  const en = await run(['data', '--lang', 'en'], { 'data/nodes.csv': GOOD_NODES, 'data/people.csv': GOOD_PEOPLE });
  assert.equal(en.code, EXIT.ok);
  assert.match(en.out, /^ok data \(nodes\.csv, people\.csv\): 6 nodes, 2 people$/m);
  assert.match(en.out, /^no errors, 0 warnings$/m);
});

test('every problem of a bad nodes.csv is printed as file:row [column] CODE: message, exit 1', async () => {
  const zh = await run(['data'], { 'data/nodes.csv': BAD_NODES });
  assert.equal(zh.code, EXIT.problems);
  const lines = zh.out.trim().split('\n');
  for (const l of lines.slice(0, -1)) assert.match(l, /^data\/nodes\.csv:\d+ \[\w+\] E_\w+: .+$/);
  assert.match(zh.out, /^data\/nodes\.csv:3 \[code\] E_CODE_LENGTH: 县区编码 3503040000 长度应为 12 位（实为 10 位）$/m);
  assert.match(zh.out, /^data\/nodes\.csv:4 \[parent\] E_UNKNOWN_PARENT: 上级编码 350399000000 不存在/m);
  assert.match(zh.out, /^data\/nodes\.csv:5 \[code\] E_DUPLICATE_CODE: 编码 350304001000 重复（首次出现在第 4 行）$/m);
  assert.match(zh.out, /^data\/nodes\.csv:6 \[code\] E_CODE_DIGITS: /m);
  assert.match(zh.out, /^data\/nodes\.csv:7 \[name\] E_MISSING_FIELD: 缺少必填字段/m);
  assert.match(zh.out, /^\d+ 个错误，0 个警告$/m);
  // In reading order: rows never go backwards.
  const rows = lines.map((l) => Number(/^data\/nodes\.csv:(\d+)/.exec(l)?.[1] ?? NaN)).filter((n) => !Number.isNaN(n));
  assert.deepEqual(rows, [...rows].sort((a, b) => a - b));

  const en = await run(['data', '--lang', 'en'], { 'data/nodes.csv': BAD_NODES });
  assert.equal(en.code, EXIT.problems);
  assert.match(en.out, /^data\/nodes\.csv:3 \[code\] E_CODE_LENGTH: County \/ District code 3503040000 must be 12 characters long \(is 10\)$/m);
  assert.match(en.out, /^data\/nodes\.csv:5 \[code\] E_DUPLICATE_CODE: duplicate code 350304001000 \(first at row 4\)$/m);
  assert.match(en.out, /^data\/nodes\.csv:7 \[name\] E_MISSING_FIELD: missing required field/m);
  assert.match(en.out, /^\d+ errors, 0 warnings$/m);
  assert.doesNotMatch(en.out, /错误|缺少/);
});

test('a CSV file named alone is checked with the nodes.csv beside it; overlay rows name their file', async () => {
  const people = 'id,name,role,node,party_member\np1,林一,boss,350304001001001,1\np2,陈二,grid-head,350304001001009,maybe\n';
  const r = await run(['data/people.csv', '--lang', 'en'], { 'data/nodes.csv': GOOD_NODES, 'data/people.csv': people });
  assert.equal(r.code, EXIT.problems);
  assert.match(r.out, /^data\/people\.csv:2 \[role\] E_UNKNOWN_VALUE: /m);
  assert.match(r.out, /^data\/people\.csv:3 \[party_member\] E_FORMAT: /m);
  assert.doesNotMatch(r.out, /E_MISSING_FILE/);
});

test('JSON documents: a good one passes, syntax and format problems name the file', async () => {
  // A good document, as the library exports it, made by `jiceng putian`'s sibling in core.
  const { buildHierarchy } = await import('@jiceng/core');
  const { exportJson } = await import('@jiceng/core/io');
  const { putianConfig } = await import('@jiceng/putian');
  const nodes = GOOD_NODES.split('\n').slice(1).map((l) => {
    const [code, parent, level, name] = l.split(',');
    return { code, parent: parent || null, level, name };
  });
  const h = buildHierarchy(putianConfig, nodes);
  assert.ok(h.ok);
  const good = await run(['city.json'], { 'city.json': exportJson(h.value) });
  assert.equal(good.code, EXIT.ok);
  assert.match(good.out, /^通过 city\.json：6 个节点/m);
  const bad = await run(['a.json', 'b.json', '--lang', 'en'], { 'a.json': '{"format": "jiceng-hierarchy",', 'b.json': '{"format": "other"}' });
  assert.equal(bad.code, EXIT.problems);
  assert.match(bad.out, /^a\.json E_JSON_SYNTAX: JSON syntax error/m);
  assert.match(bad.out, /^b\.json \[format\] E_FORMAT: not a jiceng-hierarchy document/m);
  assert.match(bad.out, /^2 errors, 0 warnings$/m);
});

test('a directory is checked as its CSV set plus each JSON document in it', async () => {
  const r = await run(['out', '--lang', 'en'], { 'out/nodes.csv': GOOD_NODES, 'out/broken.json': '[]', 'out/readme.txt': 'hello' });
  assert.equal(r.code, EXIT.problems);
  assert.match(r.out, /^ok out\/nodes\.csv: 6 nodes, 0 people$/m);
  assert.match(r.out, /^out\/broken\.json \[format\] E_FORMAT/m);
  assert.doesNotMatch(r.out, /readme/);
});

test('a config.json without CSV files is checked as a level configuration, not as a CSV set', async () => {
  const { putianConfig } = await import('@jiceng/putian');
  const good = await run(['d'], { 'd/config.json': JSON.stringify(putianConfig) });
  assert.equal(good.code, EXIT.ok);
  assert.match(good.out, /^通过 d\/config\.json：6 个层级$/m);
  assert.doesNotMatch(good.out, /E_MISSING_FILE/);
  const bad = await run(['d/config.json', '--lang', 'en'], { 'd/config.json': '{"id": "x", "levels": "none"}' });
  assert.equal(bad.code, EXIT.problems);
  assert.match(bad.out, /^d\/config\.json( \[[\w.]+\])? E_\w+: /m);
});

test('encodings: a BOM is fine, GBK from Excel is read with a warning and still passes', async () => {
  const bom = await run(['d'], { 'd/nodes.csv': `\ufeff${GOOD_NODES}` });
  assert.equal(bom.code, EXIT.ok);
  // 莆田市 in GBK: C6CE CCEF CAD0
  const gbk = new Uint8Array([...new TextEncoder().encode('code,parent,level,name\n350300000000,,city,'), 0xc6, 0xce, 0xcc, 0xef, 0xca, 0xd0, 0x0a]);
  const r = await run(['g/nodes.csv'], { 'g/nodes.csv': gbk });
  assert.equal(r.code, EXIT.ok);
  assert.match(r.out, /^g\/nodes\.csv W_ENCODING_GB18030: 文件不是 UTF-8 编码.*（警告）$/m);
  assert.match(r.out, /^没有错误，1 个警告$/m);
});

test('--config gives other levels: a five-level city passes with its config and fails with the Putian default', async () => {
  const config = {
    id: 'five', levels: ['city', 'district', 'street', 'community', 'grid'].map((id, i) => ({
      id, name: { zh: id, en: id }, duties: [], code: { length: [12, 12, 12, 12, 15][i], significant: [4, 6, 9, 12, 15][i] },
    })),
  };
  const nodes = 'code,parent,level,name\n350300000000,,city,莆田市\n350304000000,350300000000,district,荔城区\n350304001000,350304000000,street,镇海街道\n350304001001,350304001000,community,镇海社区\n350304001001001,350304001001,grid,一网格\n';
  const files = { 'cfg/five.json': JSON.stringify(config), 'data/nodes.csv': nodes };
  const withConfig = await run(['data', '--config', 'cfg/five.json'], files);
  assert.equal(withConfig.code, EXIT.ok, withConfig.out);
  const without = await run(['data'], files);
  assert.equal(without.code, EXIT.problems);
  assert.match(without.out, /E_UNKNOWN_LEVEL/);
  const badConfig = await run(['data', '--config', 'cfg/five.json', '--lang', 'en'], { ...files, 'cfg/five.json': '{"id": "x", "levels": []}' });
  assert.equal(badConfig.code, EXIT.problems);
  assert.match(badConfig.out, /^cfg\/five\.json/m);
});

test('usage errors exit 2: no path, a path that does not exist, a missing --config file', async () => {
  const none = await run([], {});
  assert.equal(none.code, EXIT.usage);
  assert.match(none.err, /用法错误：缺少参数/);
  const missing = await run(['nowhere', '--lang', 'en'], {});
  assert.equal(missing.code, EXIT.usage);
  assert.match(missing.err, /no such file or directory: nowhere/);
  const cfg = await run(['d', '--config', 'no.json'], { 'd/nodes.csv': GOOD_NODES });
  assert.equal(cfg.code, EXIT.usage);
  assert.match(cfg.err, /配置文件不存在：no\.json/);
});

test('files that are not hierarchy data are problems (exit 1), and validate never writes', async () => {
  const r = await run(['notes.txt', 'empty'], { 'notes.txt': 'x', 'empty/readme.md': '#' });
  assert.equal(r.code, EXIT.problems);
  assert.match(r.out, /^notes\.txt E_FILE_TYPE: 不是 CSV、JSON 或 JSON Lines 事件日志文件$/m);
  assert.match(r.out, /^empty E_NO_FILES: 目录中没有 CSV 或 JSON 文件$/m);
  assert.equal(r.io.files.size, 2);
});

/** Bytes like a binary file: a zip header, NUL bytes and noise (no valid text in any encoding). */
function binary(size: number): Uint8Array {
  const b = new Uint8Array(size);
  b.set([0x50, 0x4b, 0x03, 0x04]);
  let x = 7;
  for (let i = 4; i < size; i++) b[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return b;
}

test('a binary file is named in one line as not text, not as thousands of broken rows in GB18030', async () => {
  const r = await run(['data/nodes.csv', '--lang', 'en'], { 'data/nodes.csv': binary(200_000) });
  assert.equal(r.code, EXIT.problems);
  const lines = r.out.trim().split('\n');
  assert.equal(lines.length, 2, r.out);
  assert.match(lines[0], /^data\/nodes\.csv E_NOT_TEXT: not a text file: byte \d+ is NUL/);
  assert.equal(lines[1], '1 error, 0 warnings');
  assert.doesNotMatch(r.out, /GB18030/);
  const zh = await run(['doc.json'], { 'doc.json': binary(5000) });
  assert.match(zh.out, /^doc\.json E_NOT_TEXT: 不是文本文件/m);
  const log = await run(['log.jsonl', '--lang', 'en'], { 'log.jsonl': binary(100_000) });
  assert.equal(log.code, EXIT.problems);
  assert.match(log.out, /^log\.jsonl E_NOT_TEXT: /m);
  assert.equal(log.out.trim().split('\n').length, 2);
});

test('bytes with no NUL that are neither UTF-8 nor GB18030 are not text either', async () => {
  const r = await run(['data/nodes.csv', '--lang', 'en'], { 'data/nodes.csv': new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xff, 0x80, 0x0a]) });
  assert.match(r.out, /^data\/nodes\.csv E_NOT_TEXT: not a text file: the content is neither UTF-8 nor GB18030$/m);
});

test('problem listings stop after the first 100 with the total; --all lists every one', async () => {
  // 250 nodes whose parent does not exist: 250 errors.
  const rows = Array.from({ length: 250 }, (_, i) => `350304${String(i + 1).padStart(3, '0')}000,350399000000,town,镇${i}`);
  const files = { 'data/nodes.csv': `code,parent,level,name\n350300000000,,city,莆田市\n${rows.join('\n')}\n` };
  const r = await run(['data', '--lang', 'en'], files);
  assert.equal(r.code, EXIT.problems);
  const listed = r.out.split('\n').filter((l) => l.startsWith('data/nodes.csv:'));
  assert.equal(listed.length, 100);
  assert.match(r.out, /^… 150 more not listed \(the first 100 are shown; --all lists every one\)$/m);
  assert.match(r.out, /^250 errors, 0 warnings$/m);
  const zh = await run(['data'], files);
  assert.match(zh.out, /^……另有 150 条未列出（只列前 100 条；--all 列出全部）$/m);
  const all = await run(['data', '--all', '--lang', 'en'], files);
  assert.equal(all.out.split('\n').filter((l) => l.startsWith('data/nodes.csv:')).length, 250);
  assert.doesNotMatch(all.out, /more not listed/);
  assert.match(all.out, /^250 errors, 0 warnings$/m);
});

test('a .jsonl file is checked as a case event log, line by line; its problems are capped too', async () => {
  const { cityJson } = await import('./small-city.js');
  const ev = (v: number, type: string, data: Record<string, unknown>) =>
    JSON.stringify({ caseId: 'C1', version: v, type, at: 1_700_000_000_000 + v * 1000, actor: 'gw1', role: 'grid-worker', roleNode: '350304001001001', data });
  const good = `${ev(1, 'discovered', { node: '350304001001001001', source: 'patrol', description: '楼道堆物' })}\n`;
  const ok = await run(['log.jsonl', '--hierarchy', 'city.json', '--lang', 'en'], { 'log.jsonl': good, 'city.json': cityJson });
  assert.equal(ok.code, EXIT.ok, ok.out);
  assert.match(ok.out, /^ok log\.jsonl: 1 cases, 1 events$/m);
  const bad = await run(['log.jsonl', '--hierarchy', 'city.json', '--lang', 'en'], { 'log.jsonl': good + 'oops\n'.repeat(300), 'city.json': cityJson });
  assert.equal(bad.code, EXIT.problems);
  assert.equal(bad.out.split('\n').filter((l) => /^log\.jsonl:\d+ E_BAD_JSON/.test(l)).length, 100);
  assert.match(bad.out, /^log\.jsonl:2 E_BAD_JSON/m);
  assert.match(bad.out, /^300 errors, 0 warnings$/m);
});
