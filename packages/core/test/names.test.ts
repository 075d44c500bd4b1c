// Names as the hierarchy and the overlay take them: NFC, trimmed, no control characters,
// within a length limit in characters; formula text accepted (and escaped on export).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHierarchy, type NodeInput } from '@jiceng/core';
import { checkName, NAME_LIMITS, normalizeName } from '@jiceng/core/hierarchy';
import { emptyOverlayInput, exportCsv, importCsv, importJson } from '@jiceng/core/io';
import { buildOverlay } from '@jiceng/core/overlay';
import { sixLevels, smallNodes } from './fixtures/small-tree.js';
import { smallOverlay } from './fixtures/small-overlay.js';

const withName = (k: number, patch: Partial<NodeInput>): NodeInput[] => smallNodes.map((n, i) => (i === k ? { ...n, ...patch } : n));
const codes = (r: { ok: boolean; errors?: { code: string }[] }) => (r.ok ? [] : r.errors!.map((e) => e.code));

test('node names are stored NFC and trimmed (full-width spaces too)', () => {
  const h = buildHierarchy(sixLevels, withName(1, { name: '  Cafe\u0301 荔城区\u3000', nameEn: '\tLicheng ' }));
  assert.ok(h.ok);
  assert.equal(h.value.name(h.value.indexOf(smallNodes[1].code)), 'Café 荔城区');
  assert.equal(h.value.name(h.value.indexOf(smallNodes[1].code)).length, 8, 'é is one precomposed character');
  assert.equal(h.value.nameEn(h.value.indexOf(smallNodes[1].code)), 'Licheng');
  assert.equal(h.value.search('Café').length, 1);
});

test('a control character in a name is refused with its code point and place, in zh and en', () => {
  for (const [ch, cp] of [['\u0000', 'U+0000'], ['\n', 'U+000A'], ['\u001b', 'U+001B'], ['\u0085', 'U+0085'], ['\u2028', 'U+2028']] as const) {
    const r = buildHierarchy(sixLevels, withName(2, { name: `镇海${ch}街道` }));
    assert.equal(r.ok, false, cp);
    const e = !r.ok ? r.errors[0] : undefined;
    assert.equal(e?.code, 'E_CONTROL_CHAR');
    assert.equal(e?.column, 'nodes[2].name');
    assert.match(e.zh, new RegExp(`名称含控制字符 ${cp.replace('+', '\\+')}（第 3 个字符）`));
    assert.match(e.en, new RegExp(`name holds the control character ${cp.replace('+', '\\+')} \\(character 3\\)`));
  }
  assert.deepEqual(codes(buildHierarchy(sixLevels, withName(2, { nameEn: 'Zhen\u0000hai' }))), ['E_CONTROL_CHAR']);
});

test('length limits are in characters and say the unit: CJK and astral characters count one each', () => {
  assert.equal(NAME_LIMITS.name, 100);
  assert.ok(buildHierarchy(sixLevels, withName(2, { name: '镇'.repeat(100) })).ok);
  assert.ok(buildHierarchy(sixLevels, withName(2, { name: '𠀀'.repeat(100) })).ok, '100 astral characters are 200 UTF-16 units');
  const r = buildHierarchy(sixLevels, withName(2, { name: '镇'.repeat(100_000) }));
  assert.equal(!r.ok && r.errors[0].code, 'E_TEXT_LENGTH');
  assert.match(!r.ok ? r.errors[0].en : '', /name is too long: at most 100 characters, not 100000/);
  assert.match(!r.ok ? r.errors[0].zh : '', /名称过长：最多 100 个字符，实为 100000 个字符/);
  assert.deepEqual(codes(buildHierarchy(sixLevels, withName(2, { nameEn: 'x'.repeat(201) }))), ['E_TEXT_LENGTH']);
  assert.deepEqual(codes(buildHierarchy(sixLevels, withName(2, { nameEn: 42 as unknown as string }))), ['E_TYPE']);
});

test('formula text is accepted as a name and escaped by the CSV export (the decision, documented in names.ts)', () => {
  const h = buildHierarchy(sixLevels, withName(2, { name: '=HYPERLINK("http://x.example","镇海")' }));
  assert.ok(h.ok);
  const o = buildOverlay(h.value, emptyOverlayInput());
  assert.ok(o.ok);
  const csv = exportCsv(h.value, o.value)['nodes.csv'];
  assert.match(csv, /,"'=HYPERLINK\(""http:\/\/x\.example"",""镇海""\)",/);
  assert.deepEqual(checkName('-3号楼', 100, { zh: '名称', en: 'name' }), { value: '-3号楼' });
});

test('overlay names: NFC and trimmed in the built overlay; control characters, lengths, bad ids refused', () => {
  const h = buildHierarchy(sixLevels, smallNodes);
  assert.ok(h.ok);
  const data = structuredClone(smallOverlay);
  data.people[0].name = ' 林\u3000一 ';
  data.organisations[0].name = 'Cafe\u0301党支部';
  const o = buildOverlay(h.value, data);
  assert.ok(o.ok);
  assert.equal(o.value.data.people[0].name, '林\u3000一');
  assert.equal(o.value.data.organisations[0].name, 'Café党支部');
  assert.equal(data.people[0].name, ' 林\u3000一 ', "the caller's records are not changed");

  const bad = structuredClone(smallOverlay);
  bad.people[0].name = '林\u0000一';
  bad.facilities[0].name = '站'.repeat(101);
  bad.compounds[0].id = 'c\u0007';
  bad.organisations[0].id = ' o1';
  (bad.pairings[0] as { partnerOrg?: unknown }).partnerOrg = 7;
  const r = buildOverlay(h.value, bad);
  assert.equal(r.ok, false);
  const got = !r.ok ? r.errors.map((e) => `${e.column} ${e.code}`) : [];
  for (const want of ['people[0].name E_CONTROL_CHAR', 'facilities[0].name E_TEXT_LENGTH', 'compounds[0].id E_CONTROL_CHAR', 'organisations[0].id E_ID_SPACE', 'pairings[0].partnerOrg E_TYPE']) {
    assert.ok(got.includes(want), `${want} in ${got.join('; ')}`);
  }
});

test('files: a control character in a CSV name names file, row and column (a NUL makes the file binary); JSON too', () => {
  const nodes = (ch: string) => `code,parent,level,name\n350300000000,,city,莆田市\n350304000000,350300000000,county,荔城${ch}区\n`;
  const r = importCsv({ 'nodes.csv': nodes('\u0001') }, { config: sixLevels });
  assert.deepEqual(!r.ok && r.errors.map((e) => [e.file, e.row, e.column, e.code]), [['nodes.csv', 3, 'name', 'E_CONTROL_CHAR']]);
  const nul = importCsv({ 'nodes.csv': nodes('\u0000') }, { config: sixLevels });
  assert.deepEqual(!nul.ok && nul.errors.map((e) => [e.file, e.code]), [['nodes.csv', 'E_NOT_TEXT']]);
  const doc = { format: 'jiceng-hierarchy', version: 1, config: sixLevels, nodes: [{ code: '350300000000', parent: null, level: 'city', name: 'x'.repeat(101) }] };
  const j = importJson(JSON.stringify(doc));
  assert.deepEqual(codes(j), ['E_TEXT_LENGTH']);
});

test('normalizeName and checkName on their own', () => {
  assert.equal(normalizeName('\u3000 A\u030a '), 'Å');
  assert.equal(checkName('ok', 2, { zh: '名', en: 'n' }).issue, undefined);
  assert.equal(checkName('o\tk', 5, { zh: '名', en: 'n' }).issue?.code, 'E_CONTROL_CHAR');
});
