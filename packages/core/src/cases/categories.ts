/**
 * Case categories as data: a tree whose nodes carry the time limit per urgency, the lowest
 * level that handles the matter, the levels allowed to close it (the responsibility list
 * 权责清单) and a topic tag; plus the per-town empowered-matters catalogue 赋权事项目录.
 * @module
 */
import { badArgument, checkCategoriesArg } from './args.js';
import { isList } from '../errors/args.js';
import { fail, ok, type JcIssue, type LocalizedText, type Result } from '../errors/errors.js';
import type { HierarchyConfig } from '../hierarchy/types.js';
import type { TimeLimit } from '../calendar/calendar.js';
import { caseIssue } from './messages.js';
import { GBT47678_ITEMS, GBT47678_MAJOR_CLASSES } from './gbt47678-directory.js';

/** How urgent a case is. @example `URGENCIES.indexOf('urgent'); // 1` */
export const URGENCIES = ['normal', 'urgent', 'critical'] as const;
/** An urgency id. @example `const u: Urgency = 'critical';` */
export type Urgency = (typeof URGENCIES)[number];

/**
 * Topic tags, so that dashboards and the "one map" can filter cases by theme.
 *
 * @example
 * ```ts
 * CASE_TOPICS['work-safety'].zh; // '安全生产'
 * ```
 */
export const CASE_TOPICS: Readonly<Record<string, LocalizedText>> = Object.freeze({
  'social-stability': { zh: '矛盾纠纷化解', en: 'Dispute resolution' },
  'work-safety': { zh: '安全生产', en: 'Work safety' },
  'fire-safety': { zh: '消防安全', en: 'Fire safety' },
  'public-security': { zh: '社会治安', en: 'Public security' },
  'city-management': { zh: '城市管理', en: 'City management' },
  environment: { zh: '生态环境', en: 'Environment' },
  'public-health': { zh: '公共卫生', en: 'Public health' },
  'epidemic-control': { zh: '疫情防控', en: 'Epidemic control' },
  livelihood: { zh: '民生服务', en: 'Livelihood services' },
  'special-population': { zh: '特殊人群服务管理', en: 'Special populations' },
  emergency: { zh: '应急管理', en: 'Emergency management' },
  infrastructure: { zh: '基础设施', en: 'Infrastructure' },
  other: { zh: '其他', en: 'Other' },
});

/**
 * One category as written in configuration. Fields left out are inherited from the parent
 * category; a root must give them all (or the defaults apply: limits none, handled at the
 * lowest level, closed by any level).
 *
 * @example
 * ```ts
 * const c: CategoryDef = {
 *   id: 'city.illegal-building', parent: 'city', name: { zh: '违法建设', en: 'Illegal building' },
 *   limits: { normal: { amount: 20, unit: 'workDays' }, urgent: { amount: 4, unit: 'workHours' } },
 *   handleLevel: 'town', closeLevels: ['town', 'county', 'city'], enforcement: true,
 * };
 * ```
 */
export interface CategoryDef {
  /** Stable id, unique in the table, e.g. `'dispute.neighbour'` or `'gbt47678:matter:06001'`. */
  id: string;
  /** The parent category id, or null/absent for a root. */
  parent?: string | null;
  name: LocalizedText;
  /** An official code, if any (e.g. a GB/T 47678.5 code). */
  code?: string;
  /** Topic tag (a key of {@link CASE_TOPICS} or your own). */
  topic?: string;
  /** Time limit to handle, per urgency. */
  limits?: Partial<Record<Urgency, TimeLimit>>;
  /** The lowest level id that handles this category (小事不出村: usually `'village'`). */
  handleLevel?: string;
  /** Level ids whose officers may close 办结 this category. */
  closeLevels?: string[];
  /**
   * The matter needs law-enforcement powers: a town may handle it only if the town's
   * empowered-matters catalogue lists it (or a parent category).
   */
  enforcement?: boolean;
}

/**
 * A category after inheritance, as the case loop reads it.
 *
 * @example
 * ```ts
 * const c = table.get('city.rubbish')!;
 * c.limits.normal; // { amount: 4, unit: 'workHours' }
 * ```
 */
export interface Category {
  /** Position in the table (what `CaseFacts.category` stores). */
  readonly index: number;
  readonly id: string;
  /** Position of the parent, or −1. */
  readonly parent: number;
  readonly name: LocalizedText;
  readonly code: string | undefined;
  readonly topic: string;
  readonly limits: Readonly<Partial<Record<Urgency, TimeLimit>>>;
  readonly handleLevel: string | undefined;
  readonly closeLevels: readonly string[] | undefined;
  readonly enforcement: boolean;
}

/**
 * An immutable category table: positions are stable and fit `CaseFacts.category` (Uint16).
 *
 * @example
 * ```ts
 * const t = buildCategoryTable(DEFAULT_CATEGORIES);
 * if (t.ok) t.value.get('dispute.neighbour')?.topic; // 'social-stability'
 * ```
 */
export interface CategoryTable {
  /** Every category, parents before children. */
  readonly list: readonly Category[];
  /** Position of a category id, or −1. */
  indexOf(id: string): number;
  /** The category with this id. */
  get(id: string): Category | undefined;
  /** The direct children of a category (the roots for `null`). */
  children(id: string | null): Category[];
  /** True if `id` is `ancestorId` or lies below it. */
  isWithin(id: string, ancestorId: string): boolean;
  /** The categories tagged with a topic (including those that inherit it). */
  byTopic(topic: string): Category[];
}

/**
 * Builds a category table: checks ids are unique, parents exist (no cycles), level ids
 * exist in `config` (when given), and resolves inheritance. Parents may appear after their
 * children in the input.
 *
 * @example
 * ```ts
 * const t = buildCategoryTable([...DEFAULT_CATEGORIES, ...gbt47678Categories()], putianConfig);
 * ```
 */
export function buildCategoryTable(defs: readonly CategoryDef[], config?: HierarchyConfig): Result<CategoryTable> {
  if (!isList(defs)) return fail([caseIssue('E_INVALID_INPUT', 'defs: CategoryDef[]', 'defs')]);
  const badDef = defs.findIndex((d) => d === null || typeof d !== 'object' || typeof d.id !== 'string' || d.id === '');
  if (badDef >= 0) return fail([caseIssue('E_INVALID_INPUT', `defs[${badDef}]`, 'id', badDef + 1)]);
  if (config !== undefined && (config === null || typeof config !== 'object' || !Array.isArray(config.levels))) return fail([caseIssue('E_INVALID_INPUT', 'config', 'config')]);
  const errors: JcIssue[] = [];
  const byId = new Map<string, CategoryDef>();
  defs.forEach((d, i) => {
    if (byId.has(d.id)) errors.push(caseIssue('E_DUPLICATE_CATEGORY', d.id, 'id', i + 1));
    else byId.set(d.id, d);
  });
  const levelIds = config ? new Set(config.levels.map((l) => l.id)) : undefined;
  const checkLevel = (lv: string | undefined, d: CategoryDef, i: number, column: string) => {
    if (lv !== undefined && levelIds && !levelIds.has(lv)) errors.push(caseIssue('E_UNKNOWN_LEVEL', `${d.id}: ${lv}`, column, i + 1));
  };
  defs.forEach((d, i) => {
    if (d.parent != null && !byId.has(d.parent)) errors.push(caseIssue('E_UNKNOWN_PARENT_CATEGORY', `${d.id} → ${d.parent}`, 'parent', i + 1));
    checkLevel(d.handleLevel, d, i, 'handleLevel');
    for (const lv of d.closeLevels ?? []) checkLevel(lv, d, i, 'closeLevels');
  });
  if (errors.length) return fail(errors);
  // Order parents before children (depth-first from the roots, in input order).
  const kids = new Map<string | null, CategoryDef[]>();
  for (const d of defs) {
    const p = d.parent ?? null;
    const arr = kids.get(p);
    if (arr) arr.push(d);
    else kids.set(p, [d]);
  }
  const list: Category[] = [];
  const index = new Map<string, number>();
  const visit = (d: CategoryDef, parent: Category | undefined) => {
    const c: Category = Object.freeze({
      index: list.length,
      id: d.id,
      parent: parent ? parent.index : -1,
      name: d.name,
      code: d.code,
      topic: d.topic ?? parent?.topic ?? 'other',
      limits: Object.freeze({ ...(parent?.limits ?? {}), ...(d.limits ?? {}) }),
      handleLevel: d.handleLevel ?? parent?.handleLevel,
      closeLevels: d.closeLevels ?? parent?.closeLevels,
      enforcement: d.enforcement ?? parent?.enforcement ?? false,
    });
    index.set(d.id, c.index);
    list.push(c);
    for (const k of kids.get(d.id) ?? []) visit(k, c);
  };
  for (const r of kids.get(null) ?? []) visit(r, undefined);
  if (list.length !== defs.length) {
    const missing = defs.filter((d) => !index.has(d.id)).map((d) => d.id);
    return fail([caseIssue('E_UNKNOWN_PARENT_CATEGORY', `cycle: ${missing.join(', ')}`, 'parent')]);
  }
  Object.freeze(list);
  const childrenOf = new Map<number, Category[]>();
  for (const c of list) {
    const arr = childrenOf.get(c.parent);
    if (arr) arr.push(c);
    else childrenOf.set(c.parent, [c]);
  }
  const table: CategoryTable = {
    list,
    indexOf: (id) => index.get(id) ?? -1,
    get: (id) => {
      const i = index.get(id);
      return i === undefined ? undefined : list[i];
    },
    children: (id) => [...(childrenOf.get(id === null ? -1 : index.get(id) ?? -2) ?? [])],
    isWithin: (id, ancestorId) => {
      const a = index.get(ancestorId);
      let i = index.get(id) ?? -1;
      while (i >= 0) {
        if (i === a) return true;
        i = list[i].parent;
      }
      return false;
    },
    byTopic: (topic) => list.filter((c) => c.topic === topic),
  };
  return ok(Object.freeze(table));
}

const wh = (amount: number): TimeLimit => ({ amount, unit: 'workHours' });
const wd = (amount: number): TimeLimit => ({ amount, unit: 'workDays' });
const VILLAGE_UP = ['village', 'town', 'county', 'city'];
const TOWN_UP = ['town', 'county', 'city'];
const COUNTY_UP = ['county', 'city'];

/**
 * The default social-governance category set for a six-level hierarchy (level ids `city`,
 * `county`, `town`, `village`, `grid`, `unit`), after the top modules of GB/T 31000-2015.
 * Time limits, handling and closing levels are [inferred] defaults, meant to be replaced by
 * a city's own responsibility list.
 *
 * @example
 * ```ts
 * const t = buildCategoryTable(DEFAULT_CATEGORIES);
 * if (t.ok) t.value.children(null).map((c) => c.name.zh); // ['矛盾纠纷', '安全隐患', …]
 * ```
 */
export const DEFAULT_CATEGORIES: readonly CategoryDef[] = Object.freeze([
  { id: 'dispute', name: { zh: '矛盾纠纷', en: 'Disputes' }, topic: 'social-stability', handleLevel: 'village', closeLevels: VILLAGE_UP, limits: { normal: wd(10), urgent: wd(2), critical: wh(4) } },
  { id: 'dispute.neighbour', parent: 'dispute', name: { zh: '邻里纠纷', en: 'Neighbour disputes' } },
  { id: 'dispute.family', parent: 'dispute', name: { zh: '婚姻家庭纠纷', en: 'Family disputes' } },
  { id: 'dispute.land', parent: 'dispute', name: { zh: '土地山林纠纷', en: 'Land and forest disputes' }, limits: { normal: wd(15) } },
  { id: 'dispute.labour', parent: 'dispute', name: { zh: '劳资纠纷', en: 'Labour disputes' }, handleLevel: 'town', closeLevels: TOWN_UP },
  { id: 'dispute.property', parent: 'dispute', name: { zh: '物业纠纷', en: 'Property-management disputes' } },
  { id: 'safety', name: { zh: '安全隐患', en: 'Safety hazards' }, topic: 'work-safety', handleLevel: 'village', closeLevels: VILLAGE_UP, limits: { normal: wd(3), urgent: wh(8), critical: wh(2) } },
  { id: 'safety.fire', parent: 'safety', name: { zh: '消防安全隐患', en: 'Fire hazards' }, topic: 'fire-safety' },
  { id: 'safety.gas', parent: 'safety', name: { zh: '燃气安全隐患', en: 'Gas hazards' } },
  { id: 'safety.building', parent: 'safety', name: { zh: '房屋安全隐患', en: 'Unsafe buildings' } },
  { id: 'safety.production', parent: 'safety', name: { zh: '生产经营安全隐患', en: 'Workplace hazards' }, handleLevel: 'town', closeLevels: TOWN_UP, enforcement: true },
  { id: 'safety.traffic', parent: 'safety', name: { zh: '交通安全隐患', en: 'Traffic hazards' } },
  { id: 'security', name: { zh: '治安', en: 'Public security' }, topic: 'public-security', handleLevel: 'village', closeLevels: VILLAGE_UP, limits: { normal: wd(3), urgent: wh(4), critical: wh(1) } },
  { id: 'security.order', parent: 'security', name: { zh: '治安秩序', en: 'Public order' } },
  { id: 'security.fraud', parent: 'security', name: { zh: '反诈宣防', en: 'Fraud prevention' } },
  { id: 'security.vice', parent: 'security', name: { zh: '涉赌涉黄线索', en: 'Gambling and vice leads' }, handleLevel: 'town', closeLevels: TOWN_UP, enforcement: true },
  { id: 'city', name: { zh: '城市管理', en: 'City management' }, topic: 'city-management', handleLevel: 'village', closeLevels: VILLAGE_UP, limits: { normal: wd(2), urgent: wh(4), critical: wh(2) } },
  { id: 'city.rubbish', parent: 'city', name: { zh: '暴露垃圾', en: 'Exposed rubbish' }, handleLevel: 'grid', closeLevels: VILLAGE_UP, limits: { normal: wh(4), urgent: wh(2) } },
  { id: 'city.vendor', parent: 'city', name: { zh: '占道经营', en: 'Street vending' } },
  { id: 'city.parking', parent: 'city', name: { zh: '乱停乱放', en: 'Illegal parking' }, handleLevel: 'grid' },
  { id: 'city.ads', parent: 'city', name: { zh: '违规广告', en: 'Illegal advertising' } },
  { id: 'city.illegal-building', parent: 'city', name: { zh: '违法建设', en: 'Illegal building' }, handleLevel: 'town', closeLevels: TOWN_UP, enforcement: true, limits: { normal: wd(20), urgent: wh(4), critical: wh(4) } },
  { id: 'environment', name: { zh: '生态环境', en: 'Environment' }, topic: 'environment', handleLevel: 'village', closeLevels: VILLAGE_UP, limits: { normal: wd(5), urgent: wd(1), critical: wh(4) } },
  { id: 'environment.water', parent: 'environment', name: { zh: '水体污染', en: 'Water pollution' }, handleLevel: 'town', closeLevels: TOWN_UP, enforcement: true },
  { id: 'environment.air', parent: 'environment', name: { zh: '大气污染', en: 'Air pollution' }, handleLevel: 'town', closeLevels: TOWN_UP, enforcement: true },
  { id: 'environment.noise', parent: 'environment', name: { zh: '噪声扰民', en: 'Noise nuisance' } },
  { id: 'environment.burning', parent: 'environment', name: { zh: '露天焚烧', en: 'Open burning' }, limits: { normal: wd(1) } },
  { id: 'health', name: { zh: '公共卫生', en: 'Public health' }, topic: 'public-health', handleLevel: 'village', closeLevels: VILLAGE_UP, limits: { normal: wd(3), urgent: wh(8), critical: wh(2) } },
  { id: 'health.epidemic', parent: 'health', name: { zh: '疫情防控', en: 'Epidemic control' }, topic: 'epidemic-control', limits: { normal: wd(1), urgent: wh(4), critical: wh(1) } },
  { id: 'health.food', parent: 'health', name: { zh: '食品安全', en: 'Food safety' }, handleLevel: 'town', closeLevels: TOWN_UP, enforcement: true },
  { id: 'health.sanitation', parent: 'health', name: { zh: '环境卫生', en: 'Sanitation' }, handleLevel: 'grid' },
  { id: 'livelihood', name: { zh: '民生服务', en: 'Livelihood services' }, topic: 'livelihood', handleLevel: 'village', closeLevels: VILLAGE_UP, limits: { normal: wd(5), urgent: wd(1), critical: wh(4) } },
  { id: 'livelihood.elderly', parent: 'livelihood', name: { zh: '养老服务', en: 'Elderly care' } },
  { id: 'livelihood.assistance', parent: 'livelihood', name: { zh: '社会救助', en: 'Social assistance' } },
  { id: 'livelihood.employment', parent: 'livelihood', name: { zh: '就业服务', en: 'Employment services' } },
  { id: 'livelihood.utilities', parent: 'livelihood', name: { zh: '水电气报修', en: 'Utility repairs' }, limits: { normal: wd(2) } },
  { id: 'special', name: { zh: '特殊人群', en: 'Special-population alerts' }, topic: 'special-population', handleLevel: 'village', closeLevels: TOWN_UP, limits: { normal: wd(2), urgent: wh(4), critical: wh(1) } },
  { id: 'special.mental', parent: 'special', name: { zh: '严重精神障碍患者异常', en: 'Severe mental disorder alert' } },
  { id: 'special.correction', parent: 'special', name: { zh: '社区矫正对象异常', en: 'Community-correction alert' } },
  { id: 'special.released', parent: 'special', name: { zh: '刑满释放人员异常', en: 'Released-prisoner alert' } },
  { id: 'special.drug', parent: 'special', name: { zh: '吸毒人员异常', en: 'Drug-user alert' } },
  { id: 'emergency', name: { zh: '突发事件', en: 'Emergencies' }, topic: 'emergency', handleLevel: 'town', closeLevels: COUNTY_UP, limits: { normal: wh(8), urgent: wh(2), critical: wh(1) } },
  { id: 'emergency.disaster', parent: 'emergency', name: { zh: '自然灾害', en: 'Natural disasters' } },
  { id: 'emergency.accident', parent: 'emergency', name: { zh: '事故灾难', en: 'Accidents' } },
  { id: 'emergency.mass', parent: 'emergency', name: { zh: '群体性事件', en: 'Mass incidents' } },
  { id: 'facility', name: { zh: '设施故障', en: 'Facility faults' }, topic: 'infrastructure', handleLevel: 'village', closeLevels: VILLAGE_UP, limits: { normal: wd(3), urgent: wh(8), critical: wh(2) } },
  { id: 'facility.road', parent: 'facility', name: { zh: '道路破损', en: 'Damaged roads' } },
  { id: 'facility.light', parent: 'facility', name: { zh: '路灯故障', en: 'Street-light faults' } },
  { id: 'facility.manhole', parent: 'facility', name: { zh: '井盖缺失破损', en: 'Missing or broken manhole covers' }, limits: { normal: wh(8) } },
  { id: 'facility.water', parent: 'facility', name: { zh: '供排水管网故障', en: 'Water-network faults' } },
  { id: 'other', name: { zh: '其他', en: 'Other' }, topic: 'other', handleLevel: 'village', closeLevels: VILLAGE_UP, limits: { normal: wd(5), urgent: wd(1), critical: wh(4) } },
  { id: 'other.suggestion', parent: 'other', name: { zh: '意见建议', en: 'Suggestions' } },
  { id: 'other.misc', parent: 'other', name: { zh: '其他事项', en: 'Other matters' } },
] satisfies CategoryDef[]);

/**
 * The GB/T 47678.5-2026 city-management directory as an optional category set: a root
 * `gbt47678`, two kinds (`gbt47678:component`, `gbt47678:matter`), their major classes
 * (`gbt47678:matter:06`) and the items keyed by kind + code (`gbt47678:matter:06001`), since a
 * component and a matter can share a code. Limits and levels are [inferred] defaults:
 * components (facility faults) 3 working days normal, matters 2; construction management
 * (`matter:08`) needs the town's empowerment.
 *
 * @example
 * ```ts
 * const t = buildCategoryTable([...DEFAULT_CATEGORIES, ...gbt47678Categories()]);
 * if (t.ok) t.value.get('gbt47678:component:01001')?.name.zh; // '供水井盖'
 * ```
 */
export function gbt47678Categories(): CategoryDef[] {
  const out: CategoryDef[] = [
    { id: 'gbt47678', name: { zh: '城市管理部件和事件（GB/T 47678.5）', en: 'City-management components and matters (GB/T 47678.5)' }, topic: 'city-management', handleLevel: 'village', closeLevels: VILLAGE_UP, limits: { normal: wd(2), urgent: wh(4), critical: wh(2) } },
    { id: 'gbt47678:component', parent: 'gbt47678', name: { zh: '管理部件', en: 'Managed components' }, topic: 'infrastructure', limits: { normal: wd(3), urgent: wh(8) } },
    { id: 'gbt47678:matter', parent: 'gbt47678', name: { zh: '管理事项', en: 'Management matters' } },
  ];
  for (const [key, [zh, en]] of Object.entries(GBT47678_MAJOR_CLASSES)) {
    const [kind, code] = key.split(':');
    const def: CategoryDef = { id: `gbt47678:${key}`, parent: `gbt47678:${kind}`, code, name: { zh, en } };
    if (key === 'matter:08') Object.assign(def, { handleLevel: 'town', closeLevels: TOWN_UP, enforcement: true });
    out.push(def);
  }
  for (const [kind, code, zh] of GBT47678_ITEMS) {
    const major = GBT47678_MAJOR_CLASSES[`${kind}:${code.slice(0, 2)}`];
    out.push({
      id: `gbt47678:${kind}:${code}`,
      parent: `gbt47678:${kind}:${code.slice(0, 2)}`,
      code,
      name: { zh, en: `${major[1]} ${code} (${zh})` },
    });
  }
  return out;
}

/**
 * The empowered-matters catalogue 赋权事项目录: for each town node (by code), the category ids
 * the town may enforce. One list per node, not global (Fujian: 一镇一清单).
 *
 * @example
 * ```ts
 * const cat = createEmpoweredCatalogue({ '350302001000': ['city.illegal-building'] });
 * ```
 */
export type EmpoweredCatalogue = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Builds an {@link EmpoweredCatalogue} from a plain record `townCode → categoryIds`.
 *
 * @example
 * ```ts
 * const cat = createEmpoweredCatalogue({ '350302001000': ['environment.water', 'health.food'] });
 * cat.get('350302001000')?.has('health.food'); // true
 * ```
 */
export function createEmpoweredCatalogue(entries: Readonly<Record<string, readonly string[]>>): EmpoweredCatalogue {
  if (entries === null || typeof entries !== 'object' || Array.isArray(entries) || !Object.values(entries).every((ids) => Array.isArray(ids) && ids.every((x) => typeof x === 'string'))) {
    throw badArgument('entries', '节点编码到事项类别列表的对象', 'an object of node code → list of category ids');
  }
  return new Map(Object.entries(entries).map(([node, ids]) => [node, new Set(ids)]));
}

/**
 * True if the catalogue lists the category (or one of its parent categories) for this node.
 *
 * @example
 * ```ts
 * isEmpowered(cat, table, '350302001000', 'environment.water'); // true if listed
 * ```
 */
export function isEmpowered(catalogue: EmpoweredCatalogue, table: CategoryTable, nodeCode: string, categoryId: string): boolean {
  if (!((catalogue as unknown) instanceof Map)) throw badArgument('catalogue', '赋权目录（createEmpoweredCatalogue 的结果）', 'an empowered catalogue (from createEmpoweredCatalogue)');
  checkCategoriesArg(table, 'table');
  const listed = catalogue.get(nodeCode);
  if (!listed) return false;
  let i = table.indexOf(categoryId);
  while (i >= 0) {
    const c = table.list[i];
    if (listed.has(c.id)) return true;
    i = c.parent;
  }
  return false;
}
