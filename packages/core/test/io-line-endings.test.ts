import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type HierarchyConfig } from '@jiceng/core';
import { importCsv } from '@jiceng/core/io';

const lvl = (id: string, length: number, significant: number) => ({ id, name: { zh: id, en: id }, duties: [], code: { length, significant } });
const config: HierarchyConfig = { id: 'three', levels: [lvl('city', 12, 4), lvl('county', 12, 6), lvl('town', 12, 9)] };

test('rows appended with other line endings (CRLF file, LF rows) are rows of their own', () => {
  const csv = 'code,parent,level,name\r\n350300000000,,city,莆田市\r\n350302000000,350300000000,county,城厢区\n350302001000,350302000000,town,霞林街道\r350303000000,350300000000,county,涵江区\n';
  const r = importCsv({ 'nodes.csv': csv }, { config });
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  assert.equal(r.value.hierarchy.size, 4);
});

test('a line break inside a quoted name stays in its row (where a name refuses it), and the row after it is still counted right', () => {
  const csv = 'code,parent,level,name\r\n350300000000,,city,"莆田\r\n市"\r\n350302000000,350399000000,county,城厢区\r\n';
  const r = importCsv({ 'nodes.csv': csv }, { config });
  assert.ok(!r.ok);
  assert.deepEqual(r.errors.map((e) => [e.row, e.code]).sort(), [[2, 'E_CONTROL_CHAR'], [3, 'E_UNKNOWN_PARENT']]);
});

test('row breaks are unified outside quotes only', async () => {
  const { unifyRowBreaks } = await import('@jiceng/core/io');
  assert.equal(unifyRowBreaks('a,b\r\n1,"x\r\ny"\n2,z\r3,"q""\r"\r\n'), 'a,b\n1,"x\r\ny"\n2,z\n3,"q""\r"\n');
});
