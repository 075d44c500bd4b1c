/**
 * The counts of Putian's lists and registry: the policy set 1/4/21/N, the lists, projects and
 * funding, and the registry's records and hand-overs — read through the registry's scoped,
 * suppressed figures like every personal-data aggregate.
 * @module
 */
import { type HierarchyIndex, type Lang, type LocalizedText } from '@jiceng/core';
import { createAccess } from '@jiceng/core/access';
import { policySet, SECTORS, type ItemStatus, type ListsState } from '@jiceng/core/lists';
import { registryFigures, type HandoverFormSet, type RegistryState } from '@jiceng/core/registry';
import { textTable } from './summary.js';
import { need } from '@jiceng/core/errors';
import { HIERARCHY } from './shapes.js';

/**
 * What {@link putianListsSummary} counts.
 *
 * @example
 * ```ts
 * const s: PutianListsSummary = putianListsSummary(lists, registry, hierarchy);
 * `${s.policies.overall}/${s.policies.sectorPlans}/${s.policies.supporting}/${s.policies.measures}`; // '1/4/21/9'
 * ```
 */
export interface PutianListsSummary {
  policies: { overall: number; sectorPlans: number; supporting: number; measures: number; complete: boolean };
  lists: { work: number; sectorItems: number; projects: number; responsibilities: number; empowered: number; townsWithCatalogue: number };
  projects: Record<ItemStatus, number>;
  funding: { sources: number; allocations: number; spendings: number; allocated: number; spent: number };
  /** City-wide registry figures, `null` where suppressed (fewer than 5). */
  registry: { records: number | null; handovers: number | null };
}

/**
 * Counts the lists and the registry. The registry figures are read as a city officer would
 * read them (`registryFigures`: in scope, no names, small counts suppressed), at `now`
 * (default the end of 2022, the seed's date).
 *
 * @example
 * ```ts
 * const s = putianListsSummary(lists, registry, hierarchy);
 * s.registry.handovers; // 20200
 * ```
 */
export function putianListsSummary(
  lists: ListsState, registry: RegistryState, h: HierarchyIndex, opts: { now?: number; forms?: HandoverFormSet } = {},
): PutianListsSummary {
  need('putianListsSummary', 'lists', lists, 'object', { policies: 'object', work: 'object', sectors: 'object', projects: 'object', responsibilities: 'object', empowered: 'object', funding: 'object' });
  need('putianListsSummary', 'registry', registry, 'object', { persons: 'map' });
  need('putianListsSummary', 'h', h, 'object', HIERARCHY);
  need('putianListsSummary', 'opts', opts, 'object', { now: 'time?', forms: 'object?' });
  const p = policySet(lists);
  const projects = { planned: 0, active: 0, suspended: 0, completed: 0, cancelled: 0 } as Record<ItemStatus, number>;
  for (const x of Object.values(lists.projects)) projects[x.status]++;
  let allocated = 0, spent = 0;
  for (const a of Object.values(lists.funding.allocations)) { allocated += Math.round(a.amount * 100) - Math.round(a.released * 100); spent += Math.round(a.spent * 100); }
  const now = opts.now ?? Date.parse('2023-01-01T00:00:00+08:00');
  const access = createAccess({ id: 'putian-summary', roles: [{ role: 'city-officer', node: h.code(0) }] }, h, { now: () => now });
  const f = registryFigures(access, registry, [0], { now, ...(opts.forms ? { forms: opts.forms } : {}) });
  if (!f.ok) throw new Error(`registry figures: ${f.errors.map((e) => e.en).join('; ')}`);
  return {
    policies: { overall: p.overall, sectorPlans: p.sectorPlans, supporting: p.supporting, measures: p.measures, complete: p.complete },
    lists: {
      work: Object.keys(lists.work).length, sectorItems: Object.keys(lists.sectors).length, projects: Object.keys(lists.projects).length,
      responsibilities: Object.keys(lists.responsibilities).length, empowered: Object.keys(lists.empowered).length,
      townsWithCatalogue: new Set(Object.values(lists.empowered).map((e) => e.node)).size,
    },
    projects,
    funding: { sources: Object.keys(lists.funding.sources).length, allocations: Object.keys(lists.funding.allocations).length, spendings: Object.keys(lists.funding.spendings).length, allocated: allocated / 100, spent: spent / 100 },
    registry: { records: f.value[0].total, handovers: f.value[0].handovers },
  };
}

const T = {
  title: { zh: '清单与台账', en: 'Lists and registry' },
  policy: { zh: '“1+4+21+N”制度体系', en: '“1+4+21+N” policy set' },
  whole: { zh: '完整', en: 'complete' },
  partial: { zh: '不完整', en: 'incomplete' },
  list: { zh: '清单', en: 'List' },
  count: { zh: '数量', en: 'Count' },
  work: { zh: '工作清单', en: 'Work list' },
  sectors: { zh: '板块清单', en: 'Sector list' },
  projects: { zh: '项目清单', en: 'Project list' },
  resp: { zh: '权责清单', en: 'Responsibility list' },
  emp: { zh: '赋权事项目录（镇街）', en: 'Empowered-matters catalogue (towns)' },
  funding: { zh: '资金拼盘', en: 'Pooled funding' },
  registry: { zh: '特殊人群台账', en: 'Special-population registry' },
  records: { zh: '五类特殊人群记录', en: 'Special-population records' },
  handovers: { zh: '“一历五单”交接', en: 'Mental-health hand-overs (one record, five forms)' },
  suppressed: { zh: '（小于5，不显示）', en: '(fewer than 5, suppressed)' },
} as const satisfies Record<string, LocalizedText>;

/**
 * Formats a {@link PutianListsSummary} as plain-text tables, zh (default) or en.
 *
 * @example
 * ```ts
 * console.log(formatPutianListsSummary(s, 'en'));
 * // “1+4+21+N” policy set: 1/4/21/9 (complete) …
 * ```
 */
export function formatPutianListsSummary(s: PutianListsSummary, lang: Lang = 'zh'): string {
  need('formatPutianListsSummary', 's', s, 'object', { policies: 'object', lists: 'object', projects: 'object', funding: 'object', registry: 'object' });
  need('formatPutianListsSummary', 'lang', lang, 'string');
  const L = (t: LocalizedText) => t[lang];
  const fmt = (n: number | null) => (n === null ? L(T.suppressed) : n.toLocaleString('en-US'));
  const sep = lang === 'en' ? ': ' : '：';
  const p = s.policies;
  const out = [L(T.title), '', `${L(T.policy)}${sep}${p.overall}/${p.sectorPlans}/${p.supporting}/${p.measures} (${L(p.complete ? T.whole : T.partial)})`, ''];
  const statuses = Object.entries(s.projects).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ');
  out.push(...textTable([
    [L(T.list), L(T.count)],
    [L(T.work), fmt(s.lists.work)],
    [L(T.sectors), fmt(s.lists.sectorItems)],
    [L(T.projects), fmt(s.lists.projects)],
    [L(T.resp), fmt(s.lists.responsibilities)],
    [L(T.emp), `${fmt(s.lists.empowered)} / ${fmt(s.lists.townsWithCatalogue)}`],
  ]));
  out.push(lang === 'en' ? `  (projects: ${statuses}; ${SECTORS.length} sectors)` : `  （项目：${statuses}；${SECTORS.length} 个板块）`, '');
  const yuan = (n: number) => `¥${n.toLocaleString('en-US')}`;
  const f = s.funding;
  out.push(lang === 'en'
    ? `${L(T.funding)}: ${f.sources} sources, ${f.allocations} allocations, ${f.spendings} spendings; ${yuan(f.allocated)} allocated, ${yuan(f.spent)} spent`
    : `${L(T.funding)}：${f.sources} 个资金来源，${f.allocations} 笔分配，${f.spendings} 笔支出；已分配 ${yuan(f.allocated)}，已支出 ${yuan(f.spent)}`, '');
  out.push(...textTable([[L(T.registry), L(T.count)], [L(T.records), fmt(s.registry.records)], [L(T.handovers), fmt(s.registry.handovers)]]));
  return out.join('\n');
}
