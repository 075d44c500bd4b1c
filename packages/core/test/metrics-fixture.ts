/** Shared fixture of the metrics tests: a ten-node, four-level demo city and fact builders. */
import assert from 'node:assert/strict';
import { buildHierarchy } from '../src/hierarchy/build.js';
import { CASE_SOURCES, CASE_STATUSES, createCaseFacts, type CaseFacts } from '../src/cases/facts.js';
import type { HierarchyConfig } from '../src/hierarchy/types.js';
import { writeFactRow, type CaseFactRow } from '../src/metrics/index.js';

// A four-level demo city: city / county / town / village (the village is the lowest level,
// so villages are the "units" patrol coverage counts).
export const config: HierarchyConfig = {
  id: 'demo4',
  levels: [
    { id: 'city', name: { zh: '市', en: 'city' }, duties: [], code: { length: 12, significant: 4 } },
    { id: 'county', name: { zh: '县区', en: 'county' }, duties: [], code: { length: 12, significant: 6 } },
    { id: 'town', name: { zh: '镇街', en: 'town' }, duties: [], code: { length: 12, significant: 9 } },
    { id: 'village', name: { zh: '村居', en: 'village' }, duties: [], code: { length: 12, significant: 12 } },
  ],
};
const built = buildHierarchy(config, [
  { code: '350300000000', parent: null, level: 'city', name: '示范市' }, //              0
  { code: '350302000000', parent: '350300000000', level: 'county', name: '甲区' }, //   1
  { code: '350302001000', parent: '350302000000', level: 'town', name: '甲一街道' }, // 2
  { code: '350302001001', parent: '350302001000', level: 'village', name: 'a社区' }, // 3
  { code: '350302001002', parent: '350302001000', level: 'village', name: 'b社区' }, // 4
  { code: '350302002000', parent: '350302000000', level: 'town', name: '甲二街道' }, // 5
  { code: '350302002001', parent: '350302002000', level: 'village', name: 'c社区' }, // 6
  { code: '350303000000', parent: '350300000000', level: 'county', name: '乙县' }, //   7
  { code: '350303100000', parent: '350303000000', level: 'town', name: '乙一镇' }, //   8
  { code: '350303100201', parent: '350303100000', level: 'village', name: 'd村' }, //   9
]);
assert.ok(built.ok, JSON.stringify(!built.ok && built.errors));
export const h = built.value;

export const t = (s: string) => Date.parse(`2024-${s}+08:00`); // 'MM-DDTHH:mm'
export const S = (s: (typeof CASE_STATUSES)[number]) => CASE_STATUSES.indexOf(s);
export const SRC = (s: (typeof CASE_SOURCES)[number]) => CASE_SOURCES.indexOf(s);
export const NOW = t('04-01T00:00');

export const BLANK: CaseFactRow = {
  node: 0, category: 0, source: 0, status: 0, reportedAt: NaN, registeredAt: NaN, dispatchedAt: NaN,
  dispatchDueAt: NaN, handledAt: NaN, dueAt: NaN, closedAt: NaN, closedLevel: -1, rework: 0,
  escalations: 0, extensions: 0, satisfaction: 0,
};

export function factsOf(rows: Partial<CaseFactRow>[], spare = 8): CaseFacts {
  const f = createCaseFacts(rows.length + spare);
  rows.forEach((r, i) => { writeFactRow(f, i, { ...BLANK, ...r }); f.caseIds.push(`c${i + 1}`); });
  f.length = rows.length;
  return f;
}

