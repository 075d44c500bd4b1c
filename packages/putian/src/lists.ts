/**
 * Putian's lists, generated: the "1+4+21+N" policy set, the work list (the duties of each
 * level from the seed, plus items of every town's own), the sector list (an item per sector
 * for every town), the project list with its funding ledger (资金拼盘 of city, county and town
 * sources, 列入同级财政预算), the responsibility list 权责清单 and one empowered-matters
 * catalogue per town (一镇一清单). Deterministic: the same hierarchy and seed give the same events.
 *
 * What comes from the seed: 1 overall plan, 4 sector plans, 21 supporting rules, the names of
 * the measures it lists (N = their number), the four sectors, the duties of each level, the
 * town command posts and the 1+N+X enforcement team. Budgets, amounts, project names and
 * which town is empowered for what are generated illustrations (the seed gives none).
 * @module
 */
import { type HierarchyIndex } from '@jiceng/core';
import { DEFAULT_CATEGORIES } from '@jiceng/core/cases';
import {
  SECTORS, SECTOR_NAMES, workListFromLevels, type FundingSource, type ListEvent, type PolicyDoc, type SectorId,
} from '@jiceng/core/lists';
import { createRng } from './random.js';
import { need } from '@jiceng/core/errors';
import { HIERARCHY } from './shapes.js';

/**
 * The measures 配套措施 the seed names ("'机关+社区'结对共建等若干配套措施" and the practices it
 * describes). Their number is the N of 1+4+21+N.
 *
 * @example
 * ```ts
 * PUTIAN_MEASURES.length; // 9
 * ```
 */
export const PUTIAN_MEASURES: readonly string[] = Object.freeze([
  '“机关+社区”结对共建', '“部门+村居”工作结对', '群众点单、社区派单、党员接单', '城厢区力量下沉“三步法”',
  '秀屿区“三官一律”挂钩联系村居', '“时间银行”志愿服务', '积分制以奖代补', '“1+N+X”基层综合执法', '问题台账“一件一档”',
]);

/**
 * The policy counts of the seed: 1 overall plan, 4 sector plans, 21 supporting rules
 * (inputs), N = the measures it names.
 *
 * @example
 * ```ts
 * PUTIAN_POLICY_COUNTS.supporting; // 21
 * ```
 */
export const PUTIAN_POLICY_COUNTS = Object.freeze({ overall: 1, sector: 4, supporting: 21, measures: PUTIAN_MEASURES.length });

const SECTOR_CODE: Record<SectorId, string> = { organisation: 'ORG', resources: 'RES', forces: 'FOR', digital: 'DIG' };
const SECTOR_ITEM: Record<SectorId, [string, string]> = {
  organisation: ['网格党支部、单元党小组建设', 'grid party branches and unit party groups'],
  resources: ['社会治理中心运行保障', 'running the social governance centre'],
  forces: ['综合执法队伍（一支队伍管执法）', 'the comprehensive enforcement team'],
  digital: ['指挥哨所接入“全市一张图”', 'command post on the city map'],
};
const PROJECT_KINDS: [SectorId, string, string][] = [
  ['resources', '党群服务站改造', 'service station renovation'],
  ['digital', '网格视频接入（雪亮工程）', 'grid video access'],
  ['organisation', '小区党支部阵地建设', 'compound party branch premises'],
  ['forces', '综合执法装备配备', 'enforcement equipment'],
  ['resources', '邻里中心建设', 'neighbourhood centre'],
];
/** The recorded time of the generated lists: the start of the modelled history. */
const LISTS_AT = '2016-01-01T00:00:00+08:00';
const YEAR = { from: '2016-01-01', to: '2026-12-31' };

/** Share of towns empowered for each enforcement category (generated illustration of 一镇一清单). */
const EMPOWER_SHARE: Record<string, number> = {
  'city.illegal-building': 1, 'environment.water': 0.9, 'environment.air': 0.9, 'health.food': 0.85, 'safety.production': 0.8, 'security.vice': 0.4,
};

/**
 * The list events of Putian over a built hierarchy (any level configuration with `city`,
 * `county` and `town` levels). Every event passes the lists' checks in order.
 *
 * @example
 * ```ts
 * const events = putianListEvents(hierarchy, { seed: 1 });
 * const r = replayLists(events, listContextOf(hierarchy));
 * if (r.ok) policySet(r.value).complete; // true
 * ```
 */
export function putianListEvents(h: HierarchyIndex, opts: { seed?: number } = {}): ListEvent[] {
  need('putianListEvents', 'h', h, 'object', HIERARCHY);
  need('putianListEvents', 'opts', opts, 'object', { seed: 'integer?' });
  const rng = createRng((opts.seed ?? 1) ^ 0x11575);
  const at = LISTS_AT;
  const out: ListEvent[] = [];
  const levelIds = h.config.levels.map((l) => l.id);
  const ofLevel = (id: string) => { const k = levelIds.indexOf(id); const xs: number[] = []; for (let i = 0; i < h.size; i++) if (h.levelOf[i] === k) xs.push(i); return xs; };
  const towns = ofLevel('town'), counties = ofLevel('county');
  const city = h.code(0);
  const up = (i: number, level: string) => { const k = levelIds.indexOf(level); let a = i; while (a >= 0 && h.levelOf[a] !== k) a = h.parents[a]; return a; };

  // 1 + 4 + 21 + N
  const doc = (record: PolicyDoc) => out.push({ type: 'list.upserted', kind: 'policies', at, record });
  doc({ id: 'P-1', kind: 'overall', title: { zh: '“党建引领、夯基惠民”工程总体方案', en: 'Overall plan: party-led grassroots governance' }, issued: '2016-01-01' });
  for (const s of SECTORS) doc({ id: `P-${SECTOR_CODE[s]}`, kind: 'sector', sector: s, title: { zh: `${SECTOR_NAMES[s].zh}板块子方案`, en: `Sector plan: ${SECTOR_NAMES[s].en}` } });
  for (let k = 1; k <= 21; k++) {
    doc({ id: `P-R${String(k).padStart(2, '0')}`, kind: 'supporting', title: k === 1 ? { zh: '成效评估制度', en: 'Evaluation of results' } : { zh: `配套制度第${k}项`, en: `Supporting rule ${k}` } });
  }
  PUTIAN_MEASURES.forEach((m, k) => doc({ id: `P-M${k + 1}`, kind: 'measure', title: { zh: m, en: `Measure ${k + 1}` } }));
  const measure = (zh: string) => `P-M${PUTIAN_MEASURES.indexOf(zh) + 1}`;

  // work list: the duties of every level (seed), then every town's own items
  const LEVEL_MEASURE: Record<string, string> = {
    city: '问题台账“一件一档”', county: '“部门+村居”工作结对', village: '群众点单、社区派单、党员接单', grid: '积分制以奖代补', unit: '“时间银行”志愿服务',
  };
  for (const e of workListFromLevels(h.config.levels, at)) {
    if (e.type !== 'list.upserted' || e.kind !== 'work') continue;
    const m = LEVEL_MEASURE[e.record.level];
    out.push({ ...e, record: { ...e.record, policies: m ? ['P-1', measure(m)] : ['P-1'] } });
  }
  towns.forEach((t, k) => {
    const code = h.code(t);
    const rule = `P-R${String(2 + (k % 20)).padStart(2, '0')}`;
    out.push({ type: 'list.upserted', kind: 'work', at, record: { id: `W-${code}-post`, level: 'town', node: code, duty: { zh: `${h.name(t)}指挥哨所运行`, en: `Running the ${h.name(t)} command post` }, frequency: 'daily', policies: ['P-DIG', rule] } });
    out.push({ type: 'list.upserted', kind: 'work', at, record: { id: `W-${code}-enforce`, level: 'town', node: code, duty: { zh: '综合执法：一次告知、一次上门、一次到位', en: 'Enforcement: inform, visit, settle — once each' }, frequency: 'as-needed', policies: [measure('“1+N+X”基层综合执法')] } });
  });
  // sector list: one item per sector for every town
  for (const t of towns) {
    for (const s of SECTORS) {
      const status = rng.next() < 0.7 ? 'active' : rng.next() < 0.8 ? 'completed' : 'planned';
      const county = h.code(up(t, 'county'));
      // the measures the seed ties to a sector or a district
      const m = s === 'organisation' ? '“机关+社区”结对共建'
        : s === 'forces' && county === '350302000000' ? '城厢区力量下沉“三步法”'
        : s === 'forces' && county === '350305000000' ? '秀屿区“三官一律”挂钩联系村居' : undefined;
      out.push({ type: 'list.upserted', kind: 'sectors', at, record: { id: `S-${h.code(t)}-${SECTOR_CODE[s]}`, sector: s, title: { zh: `${h.name(t)}${SECTOR_ITEM[s][0]}`, en: `${h.name(t)}: ${SECTOR_ITEM[s][1]}` }, owner: h.code(t), status, policies: m ? [`P-${SECTOR_CODE[s]}`, measure(m)] : [`P-${SECTOR_CODE[s]}`] } });
    }
  }
  // responsibility list: each category's own handling level, as a row of that level's 权责清单
  DEFAULT_CATEGORIES.forEach((c, k) => {
    if (!c.handleLevel || !levelIds.includes(c.handleLevel)) return;
    out.push({ type: 'list.upserted', kind: 'responsibilities', at, record: { id: `R-${String(k + 1).padStart(3, '0')}`, level: c.handleLevel, kind: c.enforcement ? 'power' : 'duty', matter: { zh: c.name.zh, en: c.name.en }, categories: [c.id], policies: [`P-R${String(2 + (k % 20)).padStart(2, '0')}`] } });
  });
  // the empowered-matters catalogue, one per town
  const enforcement = DEFAULT_CATEGORIES.filter((c) => c.enforcement);
  for (const t of towns) {
    enforcement.forEach((c) => {
      if (rng.next() >= (EMPOWER_SHARE[c.id] ?? 0.7)) return;
      out.push({ type: 'list.upserted', kind: 'empowered', at, record: { id: `E-${h.code(t)}-${c.id}`, node: h.code(t), category: c.id, matter: { zh: `${c.name.zh}行政处罚`, en: `${c.name.en}: administrative penalties` }, basis: '福建省向乡镇（街道）赋予行政处罚权（一县一策、一镇一清单）', policies: [measure('“1+N+X”基层综合执法')] } });
    });
  }
  // funding: a city fund, a fund of every county and of every town, each in its own level's budget
  const source = (s: Omit<FundingSource, 'period' | 'policies'>) => out.push({ type: 'funding.source', at, source: { ...s, period: YEAR, policies: ['P-RES'] } });
  const purposes = [...SECTORS, 'grid-operations'];
  source({ id: 'F-CITY', name: { zh: '市级基层治理专项经费', en: 'City grassroots governance fund' }, level: 'city', node: city, budget: 60_000_000, purposes });
  for (const c of counties) source({ id: `F-${h.code(c)}`, name: { zh: `${h.name(c)}基层治理经费`, en: `${h.name(c)} governance fund` }, level: 'county', node: h.code(c), budget: 12_000_000, purposes });
  for (const t of towns) source({ id: `F-${h.code(t)}`, name: { zh: `${h.name(t)}网格运转经费`, en: `${h.name(t)} grid operations fund` }, level: 'town', node: h.code(t), budget: 1_500_000, purposes });
  // projects: two per town, pooled from town, county and city funds (资金拼盘)
  let n = 0;
  for (const t of towns) {
    const county = up(t, 'county');
    for (let k = 0; k < 2; k++) {
      const [sector, zh, en] = PROJECT_KINDS[rng.int(PROJECT_KINDS.length)];
      const id = `PRJ-${String(++n).padStart(3, '0')}`;
      const progress = rng.int(11) * 10;
      out.push({ type: 'list.upserted', kind: 'projects', at, record: {
        id, name: { zh: `${h.name(t)}${zh}`, en: `${h.name(t)}: ${en}` }, owner: h.code(t), sector, status: progress === 100 ? 'completed' : 'active', progress,
        funding: [], milestones: [{ id: 'M1', title: '完成建设', due: '2023-12-31', ...(progress === 100 ? { done: '2023-11-30' } : {}) }], policies: [`P-${SECTOR_CODE[sector]}`, 'P-1', 'P-R01'],
      } });
      const pool: [string, number][] = [[`F-${h.code(t)}`, 100_000 + rng.int(20) * 10_000]];
      if (rng.next() < 0.7 && county >= 0) pool.push([`F-${h.code(county)}`, 200_000 + rng.int(30) * 10_000]);
      if (rng.next() < 0.5) pool.push(['F-CITY', 300_000 + rng.int(40) * 10_000]);
      pool.forEach(([src, amount], j) => {
        out.push({ type: 'funding.allocated', at, allocation: { id: `A-${id}-${j + 1}`, source: src, target: { kind: 'project', id }, amount, purpose: sector, date: '2022-03-01' } });
        const spent = Math.round((amount * progress) / 100);
        if (spent > 0) out.push({ type: 'funding.spent', at, spending: { id: `X-${id}-${j + 1}`, allocation: `A-${id}-${j + 1}`, amount: spent, purpose: sector, date: '2022-12-31' } });
      });
      if (progress === 0 && rng.next() < 0.5) out.push({ type: 'project.status', at, id, status: 'cancelled' });
    }
    // 费随事转: the town's fund pays its command post
    out.push({ type: 'funding.allocated', at, allocation: { id: `A-W-${h.code(t)}`, source: `F-${h.code(t)}`, target: { kind: 'work', id: `W-${h.code(t)}-post`, node: h.code(t) }, amount: 200_000, purpose: 'grid-operations', date: '2022-01-01' } });
  }
  return out;
}
