/**
 * The "1+4+21+N" policy set as a structure: exactly one overall plan 总体方案, one sector plan
 * 板块方案 per sector, supporting rules 配套制度 and measures 配套措施 counted and reported; the
 * sector spellings (the seed writes the third sector both 力量重合 and 力量整合) read as one.
 * @module
 */
import { issue, type JcIssue } from '../errors/errors.js';
import { SECTORS, SECTOR_NAMES, type ListsState, type SectorId } from './types.js';
import { need } from '../errors/args.js';
import { LISTS } from '../shapes.js';

/**
 * Every spelling a sector is known by: its id, its Chinese name, and the variants in use —
 * the seed document writes the third sector 力量重合 (in the list of the 三重) and 力量整合 (as
 * the heading of its section); both mean `forces`.
 *
 * @example
 * ```ts
 * SECTOR_SPELLINGS['力量重合']; // 'forces'
 * SECTOR_SPELLINGS['力量整合']; // 'forces'
 * ```
 */
export const SECTOR_SPELLINGS: Readonly<Record<string, SectorId>> = Object.freeze({
  ...Object.fromEntries(SECTORS.map((s) => [s, s])),
  ...Object.fromEntries(SECTORS.map((s) => [SECTOR_NAMES[s].zh, s])),
  ...Object.fromEntries(SECTORS.map((s) => [SECTOR_NAMES[s].en.toLowerCase(), s])),
  力量重合: 'forces',
});

/**
 * The sector a text names (an id, a Chinese name, an English name, a known variant), or
 * undefined.
 *
 * @example
 * ```ts
 * sectorOf('力量重合'); // 'forces'
 * sectorOf(' 数字赋能 '); // 'digital'
 * sectorOf('其他'); // undefined
 * ```
 */
export function sectorOf(text: unknown): SectorId | undefined {
  if (typeof text !== 'string') return undefined;
  const t = text.trim();
  return SECTOR_SPELLINGS[t] ?? SECTOR_SPELLINGS[t.toLowerCase()];
}

/**
 * The counts of the policy set and whether it is whole: `1 + 4 + supporting + measures`.
 *
 * @example
 * ```ts
 * const p = policySet(state);
 * `${p.overall}+${p.sectorPlans}+${p.supporting}+${p.measures}`; // '1+4+21+9'
 * p.complete; // true
 * ```
 */
export interface PolicySetCounts {
  overall: number;
  /** Sector plans in all (one per sector when complete). */
  sectorPlans: number;
  /** Sector plans per sector. */
  bySector: Record<SectorId, number>;
  supporting: number;
  measures: number;
  /** Records of the lists citing a document of each kind. */
  citations: { overall: number; sector: number; supporting: number; measure: number };
  /** One overall plan and one plan for every sector. */
  complete: boolean;
  /** Why it is not complete, and warnings (a supporting count other than the expected one, documents nothing cites). */
  problems: JcIssue[];
}

/**
 * Counts the policy set, checks it is whole (one overall plan, one plan for each sector) and,
 * if `expected.supporting` is given (Putian: 21), that the supporting rules number that many;
 * documents cited by no list item are warned about.
 *
 * @example
 * ```ts
 * const p = policySet(state, { supporting: 21 });
 * if (!p.complete) p.problems.forEach((x) => console.log(x.code, x.en));
 * ```
 */
export function policySet(state: ListsState, expected: { supporting?: number } = {}): PolicySetCounts {
  need('policySet', 'state', state, 'object', LISTS);
  need('policySet', 'expected', expected, 'object', { supporting: 'count?' });
  const bySector = Object.fromEntries(SECTORS.map((s) => [s, 0])) as Record<SectorId, number>;
  let overall = 0, supporting = 0, measures = 0, sectorPlans = 0;
  for (const p of Object.values(state.policies)) {
    if (p.kind === 'overall') overall++;
    else if (p.kind === 'supporting') supporting++;
    else if (p.kind === 'measure') measures++;
    else { sectorPlans++; const s = sectorOf(p.sector); if (s) bySector[s]++; }
  }
  const cited = new Map<string, number>();
  const citations = { overall: 0, sector: 0, supporting: 0, measure: 0 };
  for (const kind of ['work', 'sectors', 'projects', 'responsibilities', 'empowered'] as const) {
    for (const r of Object.values(state[kind]) as { policies: string[] }[]) {
      for (const id of r.policies) {
        cited.set(id, (cited.get(id) ?? 0) + 1);
        const doc = state.policies[id];
        if (doc) citations[doc.kind]++;
      }
    }
  }
  for (const s of Object.values(state.funding.sources)) for (const id of s.policies) cited.set(id, (cited.get(id) ?? 0) + 1);
  const problems: JcIssue[] = [];
  if (overall !== 1) problems.push(issue('E_POLICY_OVERALL', `须有且仅有 1 个总体方案，现有 ${overall} 个`, `exactly one overall plan is needed; there are ${overall}`));
  for (const s of SECTORS) {
    if (bySector[s] !== 1) problems.push(issue('E_POLICY_SECTOR_PLAN', `板块“${SECTOR_NAMES[s].zh}”须有且仅有 1 个子方案，现有 ${bySector[s]} 个`, `sector "${SECTOR_NAMES[s].en}" needs exactly one plan; there are ${bySector[s]}`, { column: s }));
  }
  if (expected.supporting !== undefined && supporting !== expected.supporting) {
    problems.push(issue('W_POLICY_SUPPORTING', `配套制度应为 ${expected.supporting} 项，现有 ${supporting} 项`, `${expected.supporting} supporting rules expected; there are ${supporting}`, { severity: 'warning' }));
  }
  for (const p of Object.values(state.policies).sort((a, b) => a.id.localeCompare(b.id))) {
    if (!cited.has(p.id)) problems.push(issue('W_POLICY_UNCITED', `政策文件未被任何清单事项引用：${p.id}`, `no list item cites the policy document ${p.id}`, { column: p.id, severity: 'warning' }));
  }
  const complete = overall === 1 && SECTORS.every((s) => bySector[s] === 1);
  return { overall, sectorPlans, bySector, supporting, measures, citations, complete, problems };
}

/**
 * The structural problems a policy document would bring into the set: a second overall plan,
 * a sector plan without a sector, a second plan for one sector. Used by the list checks.
 *
 * @example
 * ```ts
 * policyStructureProblems(state, { id: 'P9', kind: 'overall', title: { zh: '又一个总体方案', en: 'another' } });
 * // [{ code: 'E_POLICY_OVERALL_TWICE', … }]
 * ```
 */
export function policyStructureProblems(state: ListsState, doc: { id?: unknown; kind?: unknown; sector?: unknown }): JcIssue[] {
  need('policyStructureProblems', 'state', state, 'object', LISTS);
  need('policyStructureProblems', 'doc', doc, 'object');
  const out: JcIssue[] = [];
  const others = Object.values(state.policies).filter((p) => p.id !== doc.id);
  if (doc.kind === 'overall') {
    const o = others.find((p) => p.kind === 'overall');
    if (o) out.push(issue('E_POLICY_OVERALL_TWICE', `总体方案只能有 1 个，已有 ${o.id}`, `there can be only one overall plan; ${o.id} is it`, { column: 'kind' }));
  }
  if (doc.kind === 'sector') {
    const s = sectorOf(doc.sector);
    if (!s) out.push(issue('E_POLICY_SECTOR_MISSING', '板块方案须写明所属板块', 'a sector plan must name its sector', { column: 'sector' }));
    else {
      const o = others.find((p) => p.kind === 'sector' && sectorOf(p.sector) === s);
      if (o) out.push(issue('E_POLICY_SECTOR_TWICE', `板块“${SECTOR_NAMES[s].zh}”已有子方案 ${o.id}`, `sector "${SECTOR_NAMES[s].en}" already has its plan ${o.id}`, { column: 'sector' }));
    }
  }
  return out;
}
