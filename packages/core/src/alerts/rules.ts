/**
 * Alert rules as data: thresholds per city and per topic, checked by zod and against the
 * hierarchy and the category table, with names in zh and en.
 * @module
 */
import { z } from 'zod';
import { fail, ok, type JcIssue, type LocalizedText, type Result } from '../errors/errors.js';
import type { HierarchyConfig } from '../hierarchy/types.js';
import { CASE_TOPICS, type CategoryTable } from '../cases/categories.js';
import { zodIssues } from '../cases/commands.js';
import { alertIssue } from './messages.js';
import { need } from '../errors/args.js';
import { CATEGORIES } from '../shapes.js';

/**
 * The kinds of rule: a cluster of cases, a rise above a node's own baseline, a recurrence
 * after a closed case, a deadline near with nobody accepted, special-population follow-ups
 * overdue.
 *
 * @example
 * ```ts
 * ALERT_KINDS.includes('cluster'); // true
 * ```
 */
export const ALERT_KINDS = ['cluster', 'rise', 'recurrence', 'deadline', 'followUp'] as const;
/** A rule kind. @example `const k: AlertKind = 'rise';` */
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * Severities, lowest first.
 *
 * @example
 * ```ts
 * ALERT_SEVERITIES.indexOf('critical'); // 2
 * ```
 */
export const ALERT_SEVERITIES = ['notice', 'warning', 'critical'] as const;
/** A severity. @example `const s: AlertSeverity = 'warning';` */
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/**
 * Names of the kinds and severities, in zh and en.
 *
 * @example
 * ```ts
 * ALERT_LABELS.cluster.zh; // '聚集'
 * ```
 */
export const ALERT_LABELS: Readonly<Record<AlertKind | AlertSeverity, LocalizedText>> = Object.freeze({
  cluster: { zh: '聚集', en: 'Cluster' },
  rise: { zh: '异常上升', en: 'Rise' },
  recurrence: { zh: '反复发生', en: 'Recurrence' },
  deadline: { zh: '临近时限', en: 'Deadline near' },
  followUp: { zh: '随访逾期', en: 'Follow-ups overdue' },
  notice: { zh: '提示', en: 'Notice' },
  warning: { zh: '警告', en: 'Warning' },
  critical: { zh: '严重', en: 'Critical' },
});

const name = z.object({ zh: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(100) });
const common = {
  id: z.string().trim().regex(/^[a-z0-9][a-z0-9.-]{0,63}$/),
  name,
  severity: z.enum(ALERT_SEVERITIES),
  /** Only categories with these topics (absent: all). */
  topics: z.array(z.string().min(1).max(60)).max(20).optional(),
  /** Only these categories and those below them (absent: all). */
  categories: z.array(z.string().min(1).max(100)).max(100).optional(),
  /** Working hours an alert may stay unacknowledged before it goes one level up. Default 4. */
  escalateAfterHours: z.number().positive().max(200).optional(),
};

/**
 * The schema of one rule, discriminated by `kind`.
 *
 * @example
 * ```ts
 * alertRuleSchema.parse({ id: 'fire', kind: 'cluster', name: { zh: '火灾聚集', en: 'Fire cluster' }, severity: 'critical', level: 'grid', minCases: 2, windowHours: 72, topics: ['fire-safety'] });
 * ```
 */
export const alertRuleSchema = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('cluster'), level: z.string().min(1), minCases: z.number().int().min(2).max(64), windowHours: z.number().positive().max(24 * 90) }),
  z.object({
    ...common, kind: z.literal('rise'), level: z.string().min(1), measure: z.enum(['open', 'overdue']),
    baselineDays: z.number().int().min(1).max(90), factor: z.number().min(1).max(100), minCount: z.number().int().min(1).max(100_000),
  }),
  z.object({ ...common, kind: z.literal('recurrence'), by: z.enum(['node', 'address']), withinDays: z.number().positive().max(3650) }),
  z.object({ ...common, kind: z.literal('deadline'), withinWorkHours: z.number().positive().max(200) }),
  z.object({ ...common, kind: z.literal('followUp'), level: z.string().min(1), minOverdue: z.number().int().min(1).max(100_000), roles: z.array(z.string().min(1)).min(1).max(50) }),
]);

/** One rule (validated). @example `const r: AlertRule = DEFAULT_ALERT_RULES.rules[0];` */
export type AlertRule = z.output<typeof alertRuleSchema>;
/** A rule of one kind. @example `const r: AlertRuleOf<'cluster'> = { ...DEFAULT_ALERT_RULES.rules[0] } as AlertRuleOf<'cluster'>;` */
export type AlertRuleOf<K extends AlertKind> = Extract<AlertRule, { kind: K }>;

/**
 * The schema of a city's rule set.
 *
 * @example
 * ```ts
 * alertRuleSetSchema.safeParse({ city: '350300000000', rules: [] }).success; // true
 * ```
 */
export const alertRuleSetSchema = z.object({ city: z.string().regex(/^\d{6,20}$/), rules: z.array(alertRuleSchema).max(200) });
/** The rules of one city. @example `const s: AlertRuleSet = DEFAULT_ALERT_RULES;` */
export type AlertRuleSet = z.output<typeof alertRuleSetSchema>;

/**
 * Checks a rule set: the shape (zod), unique ids, levels that exist in the hierarchy's
 * configuration, categories and topics that exist in the table. Every problem is reported,
 * each with its field path; a refused set changes nothing.
 *
 * @example
 * ```ts
 * const r = validateAlertRules(json, hierarchy.config, categories);
 * if (!r.ok) r.errors.map((e) => e.zh);
 * ```
 */
export function validateAlertRules(input: unknown, config?: HierarchyConfig, categories?: CategoryTable): Result<AlertRuleSet> {
  const parsed = alertRuleSetSchema.safeParse(input);
  if (!parsed.success) return fail(zodIssues(parsed.error.issues, input));
  const set = parsed.data;
  const errors: JcIssue[] = [];
  const seen = new Set<string>();
  set.rules.forEach((r, i) => {
    const at = (f: string) => `rules.${i}.${f}`;
    if (seen.has(r.id)) errors.push(alertIssue('E_DUPLICATE_RULE', r.id, at('id')));
    seen.add(r.id);
    if ('level' in r && config && !config.levels.some((l) => l.id === r.level)) errors.push(alertIssue('E_UNKNOWN_LEVEL', r.level, at('level')));
    for (const c of r.categories ?? []) if (categories && !categories.get(c)) errors.push(alertIssue('E_UNKNOWN_CATEGORY', c, at('categories')));
    for (const t of r.topics ?? []) {
      const known = categories ? categories.list.some((c) => c.topic === t) : t in CASE_TOPICS;
      if (!known) errors.push(alertIssue('E_UNKNOWN_TOPIC', t, at('topics')));
    }
  });
  return errors.length ? fail(errors) : ok(set);
}

/**
 * The rule set of a city from several cities' sets (by the city's node code), or an empty
 * set when the city has none.
 *
 * @example
 * ```ts
 * rulesFor([DEFAULT_ALERT_RULES], '350300000000').rules.length; // 6
 * ```
 */
export function rulesFor(sets: readonly AlertRuleSet[], city: string): AlertRuleSet {
  need('rulesFor', 'sets', sets, 'array');
  need('rulesFor', 'city', city, 'string');
  return sets.find((s) => s.city === city) ?? { city, rules: [] };
}

/**
 * A mask over the category table: 1 where a rule applies to the category (its topics and
 * categories filters), 0 elsewhere.
 *
 * @example
 * ```ts
 * const mask = ruleCategoryMask(rule, categories);
 * mask[categories.indexOf('safety.fire')]; // 1 for a fire-safety rule
 * ```
 */
export function ruleCategoryMask(rule: AlertRule, categories: CategoryTable): Uint8Array {
  need('ruleCategoryMask', 'rule', rule, 'object', { kind: 'string' });
  need('ruleCategoryMask', 'categories', categories, 'object', CATEGORIES);
  const mask = new Uint8Array(categories.list.length);
  for (const c of categories.list) {
    const byTopic = !rule.topics || rule.topics.includes(c.topic);
    const byCat = !rule.categories || rule.categories.some((id) => categories.isWithin(c.id, id));
    mask[c.index] = byTopic && byCat ? 1 : 0;
  }
  return mask;
}

/**
 * Putian's default rules [inferred]: a grid cluster of three cases of one category in 72
 * hours, two fire-safety cases in 48 hours; a village whose open cases exceed 1.5× its
 * 28-day mean; a unit reported again within 30 days of a closed case of the same category;
 * dispatched cases due within 2 working hours that nobody accepted; a town with overdue
 * special-population follow-ups, for the officers who may see the figures.
 *
 * @example
 * ```ts
 * DEFAULT_ALERT_RULES.rules.map((r) => r.kind); // ['cluster', 'cluster', 'rise', 'recurrence', 'deadline', 'followUp']
 * ```
 */
export const DEFAULT_ALERT_RULES: AlertRuleSet = Object.freeze({
  city: '350300000000',
  rules: Object.freeze([
    { id: 'grid-cluster', kind: 'cluster', name: { zh: '网格内同类事件聚集', en: 'Cases of one kind clustering in a grid' }, severity: 'warning', level: 'grid', minCases: 3, windowHours: 72 },
    { id: 'fire-cluster', kind: 'cluster', name: { zh: '消防隐患聚集', en: 'Fire hazards clustering' }, severity: 'critical', level: 'grid', minCases: 2, windowHours: 48, topics: ['fire-safety'] },
    { id: 'village-rise', kind: 'rise', name: { zh: '村（社区）在办案件异常上升', en: 'Open cases rising in a village' }, severity: 'warning', level: 'village', measure: 'open', baselineDays: 28, factor: 1.5, minCount: 10 },
    { id: 'unit-recurrence', kind: 'recurrence', name: { zh: '同一单元问题反复', en: 'A unit reported again' }, severity: 'notice', by: 'node', withinDays: 30 },
    { id: 'accept-deadline', kind: 'deadline', name: { zh: '临近时限无人受理', en: 'Deadline near, nobody accepted' }, severity: 'warning', withinWorkHours: 2 },
    { id: 'town-follow-up', kind: 'followUp', name: { zh: '特殊人群随访逾期', en: 'Special-population follow-ups overdue' }, severity: 'warning', level: 'town', minOverdue: 1, roles: ['town-officer', 'county-officer', 'city-officer'] },
  ] satisfies AlertRule[]) as AlertRule[],
});
