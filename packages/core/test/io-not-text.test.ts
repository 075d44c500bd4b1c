// A file that is not text is one problem, named as such, in every importer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText, importConfig, importCsv, importJson } from '@jiceng/core/io';
import { emptyLists, importListsCsv } from '@jiceng/core/lists';
import { putianConfig } from '@jiceng/putian';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);

test('decodeText: a NUL byte makes bytes binary; the byte is named and no text is given', () => {
  const d = decodeText(png, 'a.csv');
  assert.equal(d.text, '');
  assert.equal(d.errors.length, 1);
  assert.equal(d.errors[0].code, 'E_NOT_TEXT');
  assert.equal(d.errors[0].file, 'a.csv');
  assert.match(d.errors[0].en, /byte 9 is NUL/);
  assert.match(d.errors[0].zh, /第 9 字节为 NUL/);
  assert.deepEqual(d.warnings, []);
});

test('decodeText: UTF-8, GB18030 and UTF-16LE text still decode without errors', () => {
  assert.deepEqual(decodeText(new Uint8Array([0x61, 0x2c, 0x62])).errors, []);
  const gbk = decodeText(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]));
  assert.equal(gbk.text, '你好');
  assert.equal(gbk.warnings[0].code, 'W_ENCODING_GB18030');
  assert.deepEqual(gbk.errors, []);
  // UTF-16LE with a BOM has NUL bytes in every ASCII character: that is text.
  const u16 = decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00, 0x62, 0x00]));
  assert.equal(u16.text, 'a,b');
  assert.deepEqual(u16.errors, []);
  // …but a NUL character inside it is not.
  assert.equal(decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x00, 0x00])).errors[0].code, 'E_NOT_TEXT');
  assert.equal(decodeText('a\u0000b').errors[0].code, 'E_NOT_TEXT');
});

test('decodeText: bytes that are neither UTF-8 nor GB18030 are not text, without a GB18030 warning', () => {
  const d = decodeText(new Uint8Array([0x61, 0xff, 0xff, 0x80]));
  assert.equal(d.errors[0].code, 'E_NOT_TEXT');
  assert.match(d.errors[0].en, /neither UTF-8 nor GB18030/);
  assert.deepEqual(d.warnings, []);
});

test('every importer gives one E_NOT_TEXT for a binary file and nothing else about it', () => {
  const csv = importCsv({ 'nodes.csv': png }, { config: putianConfig });
  assert.equal(csv.ok, false);
  assert.deepEqual(!csv.ok && csv.errors.map((e) => [e.code, e.file]), [['E_NOT_TEXT', 'nodes.csv']]);
  const json = importJson(png, { file: 'city.json' });
  assert.deepEqual(!json.ok && json.errors.map((e) => e.code), ['E_NOT_TEXT']);
  const config = importConfig(png, { file: 'config.json' });
  assert.deepEqual(!config.ok && config.errors.map((e) => e.code), ['E_NOT_TEXT']);
  const lists = importListsCsv({ 'policies.csv': png }, emptyLists(), {}, { at: '2024-03-01T09:00:00+08:00' });
  assert.deepEqual(!lists.ok && lists.errors.map((e) => [e.code, e.file]), [['E_NOT_TEXT', 'policies.csv']]);
});
