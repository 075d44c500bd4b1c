/**
 * Counts of a generated (or loaded) Putian dataset per level and per kind, as plain data,
 * and a zh/en table for people.
 * @module
 */
import { argumentError, isObject, needObject, needString } from '@jiceng/core/errors';
import { type HierarchyConfig, type Lang, type LocalizedText, type NodeInput } from '@jiceng/core';
import {
  FACILITY_KINDS, ORG_KINDS, PAIRING_KINDS, PERSON_ROLES, type FacilityKind, type OrgKind, type OverlayInput, type PairingKind, type PersonRole,
} from '@jiceng/core/overlay';

/**
 * The counts of a dataset: nodes per level, organisations per kind, role holders (and the
 * party members among them) per role, facilities per kind (governance centres also per
 * level), compounds and how many are linked by a leader or member pairing, and pairings
 * per kind with their distinct partners and targets.
 *
 * @example
 * ```ts
 * const s: PutianSummary = putianSummary(generatePutian({ seed: 1 }));
 * s.levels.find((l) => l.id === 'grid')?.count;   // 10439
 * s.people['grid-head'];                          // { total: 9796, partyMembers: 6807 }
 * ```
 */
export interface PutianSummary {
  /** Nodes per level, top first. */
  levels: { id: string; name: LocalizedText; count: number }[];
  /** Organisations per kind. */
  organisations: Record<OrgKind, number>;
  /** Role records per role, and how many of them are party members. */
  people: Record<PersonRole, { total: number; partyMembers: number }>;
  /** Facilities per kind. */
  facilities: Record<FacilityKind, number>;
  /** Governance centres per level id of the node they sit on. */
  governanceCentres: Record<string, number>;
  /** Residential compounds, and those targeted by a leader or member pairing. */
  compounds: { total: number; linked: number };
  /** Pairings per kind: records, distinct partners and distinct targets. */
  pairings: Record<PairingKind, { pairings: number; partners: number; targets: number }>;
}

/**
 * The data {@link putianSummary} reads: a level configuration, nodes and overlay records.
 * A {@link PutianData} fits, and so does a dataset loaded with core's importers
 * (`{ config: d.config, nodes: d.hierarchy.nodes(), overlay: d.overlay.data }`).
 *
 * @example
 * ```ts
 * const r = importJson(bytes);
 * if (r.ok) putianSummary({ config: r.value.config, nodes: r.value.hierarchy.nodes(), overlay: r.value.overlay.data });
 * ```
 */
export interface SummaryInput {
  config: HierarchyConfig;
  nodes: readonly NodeInput[];
  overlay: { readonly [K in keyof OverlayInput]: readonly Readonly<OverlayInput[K][number]>[] };
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * Counts a dataset per level and per kind, in one pass over each record list.
 *
 * @example
 * ```ts
 * import { generatePutian, putianSummary } from '@jiceng/putian';
 * const s = putianSummary(generatePutian({ seed: 1 }));
 * s.organisations['grid-branch'];                 // 7025
 * s.compounds;                                    // { total: 563, linked: 563 }
 * s.pairings['member-compound'].partners;         // 453
 * ```
 */
export function putianSummary(data: SummaryInput): PutianSummary {
  needObject('putianSummary', 'data', data);
  needObject('putianSummary', 'data.config', data.config);
  const nodesIn: unknown = data.nodes; // a plain check: Array.isArray would narrow a readonly array to any[]
  if (!Array.isArray(data.config.levels) || !Array.isArray(nodesIn) || !isObject(data.overlay)) {
    throw argumentError('putianSummary', 'data', { zh: ' { config, nodes, overlay }（generatePutian 的结果）', en: 'a { config, nodes, overlay } (what generatePutian returns)' });
  }
  const levelCount = new Map<string, number>(data.config.levels.map((l) => [l.id, 0]));
  const levelOfCode = new Map<string, string>();
  for (const n of data.nodes) {
    levelCount.set(n.level, (levelCount.get(n.level) ?? 0) + 1);
    levelOfCode.set(n.code, n.level);
  }
  const organisations = zeros(ORG_KINDS);
  for (const o of data.overlay.organisations) organisations[o.kind]++;
  const people = Object.fromEntries(PERSON_ROLES.map((r) => [r, { total: 0, partyMembers: 0 }])) as PutianSummary['people'];
  for (const p of data.overlay.people) {
    people[p.role].total++;
    if (p.partyMember) people[p.role].partyMembers++;
  }
  const facilities = zeros(FACILITY_KINDS);
  const governanceCentres: Record<string, number> = Object.fromEntries(data.config.levels.map((l) => [l.id, 0]));
  for (const f of data.overlay.facilities) {
    facilities[f.kind]++;
    if (f.kind === 'governance-centre') {
      const level = levelOfCode.get(f.node);
      if (level !== undefined) governanceCentres[level]++;
    }
  }
  const partners = new Map<PairingKind, Set<string>>(PAIRING_KINDS.map((k) => [k, new Set()]));
  const targets = new Map<PairingKind, Set<string>>(PAIRING_KINDS.map((k) => [k, new Set()]));
  const pairings = Object.fromEntries(PAIRING_KINDS.map((k) => [k, { pairings: 0, partners: 0, targets: 0 }])) as PutianSummary['pairings'];
  const linked = new Set<string>();
  for (const p of data.overlay.pairings) {
    pairings[p.kind].pairings++;
    partners.get(p.kind)!.add(p.partner);
    targets.get(p.kind)!.add(p.target);
    if (p.kind === 'leader-compound' || p.kind === 'member-compound') linked.add(p.target);
  }
  for (const k of PAIRING_KINDS) {
    pairings[k].partners = partners.get(k)!.size;
    pairings[k].targets = targets.get(k)!.size;
  }
  let linkedCompounds = 0;
  for (const c of data.overlay.compounds) if (linked.has(c.id)) linkedCompounds++;
  return {
    levels: data.config.levels.map((l) => ({ id: l.id, name: l.name, count: levelCount.get(l.id) ?? 0 })),
    organisations,
    people,
    facilities,
    governanceCentres,
    compounds: { total: data.overlay.compounds.length, linked: linkedCompounds },
    pairings,
  };
}

/**
 * Display names of the overlay's kinds, in zh and en.
 *
 * @example
 * ```ts
 * OVERLAY_LABELS['grid-branch'].zh;   // '网格党支部'
 * OVERLAY_LABELS['unit-head'].en;     // 'Unit heads'
 * ```
 */
export const OVERLAY_LABELS: Readonly<Record<OrgKind | PersonRole | FacilityKind | PairingKind, LocalizedText>> = Object.freeze({
  'community-committee': { zh: '社区(村)党委', en: 'Community party committees' },
  'general-branch': { zh: '社区(村)党总支', en: 'Community general party branches' },
  'grid-branch': { zh: '网格党支部', en: 'Grid party branches' },
  'unit-group': { zh: '单元党小组', en: 'Unit party groups' },
  'vanguard-post': { zh: '党员先锋岗', en: 'Party vanguard posts' },
  'grid-head': { zh: '网格长', en: 'Grid heads' },
  'unit-head': { zh: '单元长', en: 'Unit heads' },
  'grid-worker': { zh: '网格员', en: 'Grid workers' },
  volunteer: { zh: '志愿者(在职党员报到)', en: 'Volunteers (registered in-office party members)' },
  'neighbourhood-centre': { zh: '“党建+”邻里中心', en: '“Party building+” neighbourhood centres' },
  'community-governance-centre': { zh: '“综治+”社区治理中心', en: '“Comprehensive governance+” community centres' },
  'service-station': { zh: '网格党群服务站', en: 'Grid party-and-people service stations' },
  'governance-centre': { zh: '社会治理中心(站)', en: 'Social governance centres (stations)' },
  'organ-community': { zh: '机关+社区结对', en: 'Organ ↔ community pairings' },
  'leader-compound': { zh: '领导干部挂钩小区党支部', en: 'Leader ↔ compound branch links' },
  'member-compound': { zh: '班子成员挂钩小区党支部', en: 'Member ↔ compound branch links' },
  'department-village': { zh: '部门+村居结对', en: 'Department ↔ village pairings' },
});

const T = {
  title: { zh: '莆田市基层治理数据', en: 'Putian grassroots governance data' },
  levels: { zh: '层级', en: 'Levels' },
  count: { zh: '数量', en: 'Count' },
  orgs: { zh: '党组织', en: 'Party organisations' },
  people: { zh: '人员', en: 'People' },
  party: { zh: '其中党员', en: 'Party members' },
  facilities: { zh: '阵地设施', en: 'Facilities' },
  byLevel: { zh: '按层级', en: 'by level' },
  pairings: { zh: '结对共建', en: 'Pairings' },
  partners: { zh: '结对方', en: 'Partners' },
  targets: { zh: '对象', en: 'Targets' },
  compounds: { zh: '城市居民小区', en: 'Urban residential compounds' },
  linked: { zh: '已挂钩', en: 'linked' },
} as const satisfies Record<string, LocalizedText>;

/**
 * The width of a text in a terminal: CJK and full-width characters take two columns.
 *
 * @example
 * ```ts
 * displayWidth('网格 10');  // 7
 * ```
 */
export function displayWidth(s: string): number {
  needString('displayWidth', 's', s);
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * Aligns rows of cells as a plain-text table for a terminal, Chinese or English: the first
 * column left-aligned, the others right-aligned, two spaces between columns.
 *
 * @example
 * ```ts
 * textTable([['层级', '数量'], ['网格', '10,439']]);
 * // ['层级    数量', '网格  10,439']
 * ```
 */
export function textTable(rows: readonly (readonly string[])[]): string[] {
  const given: unknown = rows;
  if (!Array.isArray(given) || given.some((r: unknown) => !Array.isArray(r) || r.some((c: unknown) => typeof c !== 'string'))) {
    throw argumentError('textTable', 'rows', { zh: '文本行的数组', en: 'an array of rows of strings' });
  }
  const cols = Math.max(...rows.map((r) => r.length));
  const w = Array.from({ length: cols }, (_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ''))));
  return rows.map((r) =>
    r.map((cell, c) => (c === 0 ? cell + ' '.repeat(w[c] - displayWidth(cell)) : ' '.repeat(w[c] - displayWidth(cell)) + cell))
      .join('  ').trimEnd());
}

/**
 * Formats a {@link PutianSummary} as aligned plain-text tables, in Chinese (default) or
 * English; numbers are grouped (10,439).
 *
 * @example
 * ```ts
 * console.log(formatPutianSummary(putianSummary(generatePutian({ seed: 1 })), 'en'));
 * // Putian grassroots governance data
 * // Levels  Count
 * // City        1 …
 * ```
 */
export function formatPutianSummary(s: PutianSummary, lang: Lang = 'zh'): string {
  needObject('formatPutianSummary', 's', s);
  if (!Array.isArray(s.levels) || !isObject(s.organisations) || !isObject(s.people)) throw argumentError('formatPutianSummary', 's', { zh: ' putianSummary 的结果', en: 'what putianSummary returns' });
  if (lang !== 'zh' && lang !== 'en') throw argumentError('formatPutianSummary', 'lang', { zh: ' zh 或 en', en: 'zh or en' });
  const fmt = (n: number): string => n.toLocaleString('en-US');
  const L = (t: LocalizedText): string => t[lang];
  const out: string[] = [L(T.title), ''];
  out.push(...textTable([[L(T.levels), L(T.count)], ...s.levels.map((l) => [L(l.name), fmt(l.count)])]), '');
  out.push(...textTable([[L(T.orgs), L(T.count)], ...ORG_KINDS.map((k) => [L(OVERLAY_LABELS[k]), fmt(s.organisations[k])])]), '');
  out.push(...textTable([
    [L(T.people), L(T.count), L(T.party)],
    ...PERSON_ROLES.map((r) => [L(OVERLAY_LABELS[r]), fmt(s.people[r].total), fmt(s.people[r].partyMembers)]),
  ]), '');
  const byLevel = s.levels.filter((l) => s.governanceCentres[l.id]).map((l) => `${L(l.name)} ${fmt(s.governanceCentres[l.id])}`).join(' / ');
  out.push(...textTable([
    [L(T.facilities), L(T.count)],
    ...FACILITY_KINDS.map((k) => [L(OVERLAY_LABELS[k]), fmt(s.facilities[k])]),
  ]));
  if (byLevel) out.push(lang === 'en' ? `  (${L(T.byLevel)}: ${byLevel})` : `  （${L(T.byLevel)}：${byLevel}）`);
  out.push('');
  out.push(...textTable([
    [L(T.pairings), L(T.count), L(T.partners), L(T.targets)],
    ...PAIRING_KINDS.map((k) => [L(OVERLAY_LABELS[k]), fmt(s.pairings[k].pairings), fmt(s.pairings[k].partners), fmt(s.pairings[k].targets)]),
  ]));
  const pct = s.compounds.total ? ` (${((100 * s.compounds.linked) / s.compounds.total).toFixed(1)}%)` : '';
  out.push(lang === 'en'
    ? `${L(T.compounds)}: ${fmt(s.compounds.total)}, ${L(T.linked)} ${fmt(s.compounds.linked)}${pct}`
    : `${L(T.compounds)}：${fmt(s.compounds.total)}，${L(T.linked)} ${fmt(s.compounds.linked)}${pct}`);
  return out.join('\n');
}
