// A small six-level city the CLI tests read logs against: two units in one grid, one in another.
import assert from 'node:assert/strict';
import { buildHierarchy } from '@jiceng/core';
import { emptyOverlayInput, exportJson } from '@jiceng/core/io';
import { buildOverlay } from '@jiceng/core/overlay';
import { putianConfig } from '@jiceng/putian';

export const nodes = [
  { code: '350300000000', parent: null, level: 'city', name: '莆田市', nameEn: 'Putian' },
  { code: '350304000000', parent: '350300000000', level: 'county', name: '荔城区', nameEn: 'Licheng' },
  { code: '350304001000', parent: '350304000000', level: 'town', name: '镇海街道', nameEn: 'Zhenhai' },
  { code: '350304001001', parent: '350304001000', level: 'village', name: '梅峰社区', nameEn: 'Meifeng' },
  { code: '350304001001001', parent: '350304001001', level: 'grid', name: '第一网格', nameEn: 'Grid 1' },
  { code: '350304001001001001', parent: '350304001001001', level: 'unit', name: '1号楼', nameEn: 'Building 1' },
  { code: '350304001001001002', parent: '350304001001001', level: 'unit', name: '2号楼', nameEn: 'Building 2' },
  { code: '350304001001002', parent: '350304001001', level: 'grid', name: '第二网格', nameEn: 'Grid 2' },
  { code: '350304001001002001', parent: '350304001001002', level: 'unit', name: '3号楼', nameEn: 'Building 3' },
];
const built = buildHierarchy(putianConfig, nodes);
assert.ok(built.ok, JSON.stringify(!built.ok && built.errors));
const overlay = buildOverlay(built.value, emptyOverlayInput());
assert.ok(overlay.ok);
/** The city as a Jiceng JSON document (`--hierarchy city.json`). */
export const cityJson = exportJson(built.value, overlay.value);
