// One CSV writer for every export, formula text escaped on every path, and a round trip
// that still holds: an import of an export gives the same data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import Papa from 'papaparse';
import { buildHierarchy, JcError } from '@jiceng/core';
import { createAccess, scopedExport, toCsv } from '@jiceng/core/access';
import { exportCsv, importCsv, toDocument, unescapeCsvCell, writeCsv } from '@jiceng/core/io';
import { buildOverlay } from '@jiceng/core/overlay';
import { sixLevels, smallNodes } from './fixtures/small-tree.js';
import { smallOverlay } from './fixtures/small-overlay.js';
import { small } from './access-fixtures.js';

/** Reads a CSV text back as rows of cells, undoing the formula escaping. */
const readBack = (text: string): string[][] =>
  Papa.parse<string[]>(text.replace(/^\ufeff/, '').replace(/\r\n$/, ''), { newline: '\r\n' }).data.map((r) => r.map(unescapeCsvCell));

const FORMULAS = ['=HYPERLINK("http://x.example","点我")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];

test('writeCsv quotes what needs quoting and escapes formula text with a leading quote', () => {
  const text = writeCsv(['name', 'n'], [['=1+1', -5], ['a,"b"', 3], [' edge ', null], ["'=already", true]]);
  assert.equal(text, `name,n\r\n"'=1+1",-5\r\n"a,""b""",3\r\n" edge ",\r\n"''=already",true\r\n`);
  assert.equal(writeCsv(['a'], [], { bom: true }), '\ufeffa\r\n');
});

test('writeCsv refuses a header or rows of the wrong shape with a JcError', () => {
  for (const [h, rows] of [[null, []], [['a', 1], []], [['a'], null], [['a'], [['x', 'y']]], [['a'], ['x']]] as const) {
    assert.throws(() => writeCsv(h as never, rows as never), (e: unknown) => e instanceof JcError && e.issue.code === 'E_ARGUMENT');
  }
});

test('property: any strings survive writeCsv, a CSV parser and unescapeCsvCell unchanged', () => {
  const cell = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string(), fc.constantFrom(...FORMULAS, "'", "''=", "'tis", '"', ''));
  fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }), (rows) => {
    // A row of empty cells reads back as empty cells; a one-column empty row would read as nothing.
    const text = writeCsv(['a', 'b'], rows);
    assert.deepEqual(readBack(text), [['a', 'b'], ...rows]);
    for (const line of Papa.parse<string[]>(text, { newline: '\r\n', delimiter: ',' }).data.flat()) assert.doesNotMatch(line, /^[=+\-@\t\r]/, 'no cell starts a formula');
  }), { numRuns: 300 });
});

test('exportCsv (jiceng putian --out) escapes formula names, and importCsv gives the same hierarchy back', () => {
  const nodes = smallNodes.map((n, i) => ({ ...n, name: i === 0 ? n.name : `${FORMULAS[i % FORMULAS.length].replace(/^[\t\r]/, '=')}${n.name}` }));
  const overlay = structuredClone(smallOverlay);
  overlay.organisations[0].name = '=cmd|" /C calc"!A0';
  overlay.people[0].name = "'=林一";
  const h = buildHierarchy(sixLevels, nodes);
  assert.ok(h.ok, JSON.stringify(!h.ok && h.errors));
  const o = buildOverlay(h.value, overlay);
  assert.ok(o.ok, JSON.stringify(!o.ok && o.errors));
  const files = exportCsv(h.value, o.value);
  for (const [name, text] of Object.entries(files)) {
    if (!name.endsWith('.csv')) continue;
    for (const c of Papa.parse<string[]>(text, { newline: '\r\n' }).data.flat()) assert.doesNotMatch(c, /^[=+\-@\t\r]/, `${name}: ${c}`);
  }
  assert.match(files['organisations.csv'], /"'=cmd\|"" \/C calc""!A0"/);
  const back = importCsv(files);
  assert.ok(back.ok, JSON.stringify(!back.ok && back.errors));
  assert.deepEqual(toDocument(back.value.hierarchy, back.value.overlay), toDocument(h.value, o.value));
  assert.deepEqual(exportCsv(back.value.hierarchy, back.value.overlay), files);
});

test('scopedExport CSV uses the same writer: formula text escaped, and readable back unchanged', () => {
  const h = small();
  const a = createAccess({ id: 'c', roles: [{ role: 'city-officer', node: h.code(0) }] }, h, { now: () => 0 });
  const recs = [{ id: 'c1', node: h.code(h.size - 1), description: '=HYPERLINK("x")' }, { id: 'c2', node: h.code(h.size - 1), description: '-路灯坏了' }];
  const r = scopedExport(a, 'case', recs, { purpose: '月报', format: 'csv' });
  assert.ok(r.ok);
  // Written again from what a reader gets back, the text is the same: nothing lost, nothing added.
  assert.equal(r.value.text, writeCsv(Object.keys(recs[0]), readBack(r.value.text).slice(1)));
  assert.match(r.value.text, /"'=HYPERLINK\(""x""\)"/);
  assert.match(r.value.text, /"'-路灯坏了"/);
  assert.deepEqual(readBack(r.value.text)[1].slice(2), ['=HYPERLINK("x")']);
  assert.equal(toCsv([{ a: '@x', n: -3 }]), `a,n\r\n"'@x",-3\r\n`, 'numbers are not escaped');
});
