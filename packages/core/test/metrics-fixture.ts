/** Shared fixture of the metrics tests: a ten-node, four-level demo city and fact builders. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
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


// Eight cases, each checked by hand below.
export const history: Partial<CaseFactRow>[] = [
  // c1 a社区: on time everywhere; handled in 24 h; closed 30 h after report by the village; 5 stars
  { node: 3, category: 0, source: SRC('patrol'), status: S('closed'), reportedAt: t('03-01T09:00'), registeredAt: t('03-01T09:30'),
    dispatchedAt: t('03-01T10:00'), dispatchDueAt: t('03-01T10:30'), handledAt: t('03-02T10:00'), dueAt: t('03-03T09:00'),
    closedAt: t('03-02T15:00'), closedLevel: 3, satisfaction: 5 },
  // c2 a社区: dispatched late, handled late (72 h), reworked once, escalated, closed by the town 96 h after report; 3 stars
  { node: 3, category: 0, source: SRC('citizen'), status: S('closed'), reportedAt: t('03-05T08:00'), registeredAt: t('03-05T08:10'),
    dispatchedAt: t('03-05T12:00'), dispatchDueAt: t('03-05T09:10'), handledAt: t('03-08T12:00'), dueAt: t('03-07T08:00'),
    closedAt: t('03-09T08:00'), closedLevel: 2, rework: 1, escalations: 1, satisfaction: 3 },
  // c3 b社区: dispatched on time, never handled, deadline passed: open, overdue, 518 h old (7–30 days)
  { node: 4, category: 1, source: SRC('patrol'), status: S('handling'), reportedAt: t('03-10T10:00'), registeredAt: t('03-10T10:00'),
    dispatchedAt: t('03-10T10:30'), dispatchDueAt: t('03-10T11:00'), dueAt: t('03-12T10:00') },
  // c4 c社区: registered 12 h before NOW, deadline after NOW: open, not due, < 1 day old
  { node: 6, category: 1, source: SRC('hotline'), status: S('registered'), reportedAt: t('03-31T12:00'), registeredAt: t('03-31T12:30'),
    dueAt: t('04-03T12:00') },
  // c5 d村: not registered (不予立案)
  { node: 9, category: 2, source: SRC('citizen'), status: S('rejected'), reportedAt: t('03-15T09:00') },
  // c6 d村: handled 24 h, closed 48 h after report by the village, on time; 4 stars
  { node: 9, category: 0, source: SRC('patrol'), status: S('closed'), reportedAt: t('03-20T09:00'), registeredAt: t('03-20T09:00'),
    dispatchedAt: t('03-20T09:20'), dispatchDueAt: t('03-20T10:00'), handledAt: t('03-21T09:20'), dueAt: t('03-25T09:00'),
    closedAt: t('03-22T09:00'), closedLevel: 3, satisfaction: 4 },
  // c7 乙一镇 itself, in FEBRUARY: dispatched exactly at its deadline (on time), handled 23 h, closed 48 h by the county; 2 stars
  { node: 8, category: 2, source: SRC('video'), status: S('closed'), reportedAt: t('02-10T09:00'), registeredAt: t('02-10T09:00'),
    dispatchedAt: t('02-10T10:00'), dispatchDueAt: t('02-10T10:00'), handledAt: t('02-11T09:00'), dueAt: t('02-15T09:00'),
    closedAt: t('02-12T09:00'), closedLevel: 1, satisfaction: 2 },
  // c8 d村: registered, then merged as a duplicate: neither open nor due
  { node: 9, category: 1, source: SRC('hotline'), status: S('duplicate'), reportedAt: t('03-25T09:00'), registeredAt: t('03-25T09:00') },
];


/**
 * Random fact rows for property tests: any node, category, source, status and counts, with
 * the given report times and other times.
 */
export function factRowArb(reportedAt: fc.Arbitrary<number>, time: fc.Arbitrary<number>): fc.Arbitrary<CaseFactRow> {
  return fc.record({
    node: fc.integer({ min: 0, max: h.size - 1 }),
    category: fc.integer({ min: 0, max: 2 }),
    source: fc.integer({ min: 0, max: CASE_SOURCES.length - 1 }),
    status: fc.integer({ min: 0, max: 11 }),
    reportedAt,
    registeredAt: time, dispatchedAt: time, dispatchDueAt: time, handledAt: time, dueAt: time, closedAt: time,
    closedLevel: fc.integer({ min: -1, max: 3 }),
    rework: fc.integer({ min: 0, max: 3 }),
    escalations: fc.integer({ min: 0, max: 2 }),
    extensions: fc.integer({ min: 0, max: 2 }),
    satisfaction: fc.integer({ min: 0, max: 5 }),
  });
}
