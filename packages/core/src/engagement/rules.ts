/**
 * The rules of engagement as data: service categories, the time bank's city rules, points
 * items and their caps, points earned from the case record, the shop catalogue and which
 * role may run which command. A city replaces any of these tables; nothing here is code.
 * @module
 */
import { fail, ok, type JcIssue, type LocalizedText, type Result } from '../errors/errors.js';
import type { TimeLimit } from '../calendar/calendar.js';
import type { PeriodUnit } from '../metrics/period.js';
import { engagementIssue } from './messages.js';
import { need } from '../errors/args.js';

/**
 * A kind of service a resident may order, the skill it needs and the time to complete it
 * on the working calendar.
 *
 * @example
 * ```ts
 * const c: ServiceCategory = { id: 'repair', name: { zh: '家电维修', en: 'Home repair' }, skill: 'repair', limit: { amount: 3, unit: 'workDays' } };
 * ```
 */
export interface ServiceCategory {
  id: string;
  name: LocalizedText;
  /** The skill a member needs to be suggested first. */
  skill: string;
  /** Time from ordering to completion, on the working calendar. */
  limit: TimeLimit;
}

/**
 * The default service categories (群众点单 menus of Fujian communities).
 *
 * @example
 * ```ts
 * DEFAULT_SERVICE_CATEGORIES.map((c) => c.id).includes('elder-care'); // true
 * ```
 */
export const DEFAULT_SERVICE_CATEGORIES: readonly ServiceCategory[] = Object.freeze([
  { id: 'elder-care', name: { zh: '助老助残', en: 'Elder and disability care' }, skill: 'care', limit: { amount: 2, unit: 'workDays' } },
  { id: 'repair', name: { zh: '家电维修', en: 'Home repair' }, skill: 'repair', limit: { amount: 3, unit: 'workDays' } },
  { id: 'legal', name: { zh: '法律咨询', en: 'Legal advice' }, skill: 'legal', limit: { amount: 5, unit: 'workDays' } },
  { id: 'health', name: { zh: '健康义诊', en: 'Health check' }, skill: 'health', limit: { amount: 5, unit: 'workDays' } },
  { id: 'tutoring', name: { zh: '课业辅导', en: 'Tutoring' }, skill: 'tutoring', limit: { amount: 5, unit: 'workDays' } },
  { id: 'policy', name: { zh: '政策解读', en: 'Policy advice' }, skill: 'policy', limit: { amount: 3, unit: 'workDays' } },
  { id: 'cleanup', name: { zh: '环境整治', en: 'Clean-up' }, skill: 'cleanup', limit: { amount: 3, unit: 'workDays' } },
  { id: 'counselling', name: { zh: '心理疏导', en: 'Counselling' }, skill: 'counselling', limit: { amount: 5, unit: 'workDays' } },
] satisfies ServiceCategory[]);

/**
 * A city's time-bank rules (Shanghai: 1 hour = 1 coin, at most 2 a day, at most 600 stored
 * per person, may be given to relatives; Ruian records half-hour steps).
 *
 * @example
 * ```ts
 * const r: TimeBankRules = { ...SHANGHAI_TIME_BANK, storeCap: 300 };
 * ```
 */
export interface TimeBankRules {
  id: string;
  name: LocalizedText;
  /** The recording step in hours (0.5 = half-hour steps); every amount is a whole number of steps. */
  step: number;
  /** Coins per hour of confirmed service. */
  coinsPerHour: number;
  /** Most coins earned by one account in one local calendar day. */
  dailyEarnCap: number;
  /** Most coins one person's account may hold. */
  storeCap: number;
  /** The lowest balance of a person's account (0: no overdraft). */
  floor: number;
  /** To whom hours may be given: family only (same household), anyone, or no one. */
  transfer: 'family' | 'anyone' | 'none';
  /** Whether hours may be donated to the community pool. */
  donate: boolean;
  /** Account kinds that may redeem hours for services. */
  redeemBy: readonly ('person' | 'household')[];
}

/**
 * Shanghai's rules, as published: 1 hour of service = 1 time coin, at most 2 a day, at most
 * 600 per person, may be given to relatives; half-hour steps.
 *
 * @example
 * ```ts
 * SHANGHAI_TIME_BANK.storeCap; // 600
 * ```
 */
export const SHANGHAI_TIME_BANK: TimeBankRules = Object.freeze({
  id: 'shanghai',
  name: { zh: '上海时间银行', en: 'Shanghai time bank' },
  step: 0.5,
  coinsPerHour: 1,
  dailyEarnCap: 2,
  storeCap: 600,
  floor: 0,
  transfer: 'family',
  donate: true,
  redeemBy: Object.freeze<('person' | 'household')[]>(['person', 'household']),
});

/**
 * One way to earn or lose points. `points` is per unit of `qty`; a deduction's points are
 * taken away. `cap` limits what one account gains (or loses) from the item in a period.
 *
 * @example
 * ```ts
 * const i: PointsItem = { id: 'patrol', name: { zh: '参与巡查', en: 'Patrol' }, kind: 'bonus', points: 2, cap: { per: 'month', max: 20 }, evidence: true };
 * ```
 */
export interface PointsItem {
  id: string;
  name: LocalizedText;
  kind: 'base' | 'bonus' | 'deduction';
  points: number;
  cap?: { per: PeriodUnit; max: number };
  /** True if a claim for it must carry evidence. */
  evidence?: boolean;
}

/**
 * The default points items (Licheng unit-head micro-points: base + reward − deduction).
 *
 * @example
 * ```ts
 * DEFAULT_POINTS_ITEMS.find((i) => i.id === 'overdue-case')?.kind; // 'deduction'
 * ```
 */
export const DEFAULT_POINTS_ITEMS: readonly PointsItem[] = Object.freeze([
  { id: 'duty', name: { zh: '履职基础分', en: 'Base duty' }, kind: 'base', points: 10, cap: { per: 'quarter', max: 30 } },
  { id: 'service', name: { zh: '接单服务', en: 'Service order' }, kind: 'bonus', points: 2, cap: { per: 'month', max: 40 } },
  { id: 'patrol', name: { zh: '参与巡查', en: 'Patrol' }, kind: 'bonus', points: 2, cap: { per: 'month', max: 20 }, evidence: true },
  { id: 'mediation', name: { zh: '调解纠纷', en: 'Mediation' }, kind: 'bonus', points: 5, cap: { per: 'quarter', max: 50 }, evidence: true },
  { id: 'verified-discovery', name: { zh: '发现问题经核实', en: 'Verified discovery' }, kind: 'bonus', points: 3, cap: { per: 'month', max: 30 } },
  { id: 'on-time-case', name: { zh: '按时办结', en: 'Case handled on time' }, kind: 'bonus', points: 1, cap: { per: 'month', max: 30 } },
  { id: 'overdue-case', name: { zh: '超期办理', en: 'Overdue case' }, kind: 'deduction', points: 2 },
  { id: 'absence', name: { zh: '无故缺勤', en: 'Unexcused absence' }, kind: 'deduction', points: 3, evidence: true },
] satisfies PointsItem[]);

/**
 * Points from the case record: when a case event of `event` type matches, `item` is awarded
 * (or deducted) to `to` — the reporter who discovered the case, or the actor who reported
 * it handled. `when`: `passed` (a passing verification), `onTime`/`overdue` (handled before
 * or after its deadline).
 *
 * @example
 * ```ts
 * const r: CasePointsRule = { id: 'r1', event: 'verified', when: 'passed', to: 'reporter', item: 'verified-discovery' };
 * ```
 */
export interface CasePointsRule {
  id: string;
  event: 'verified' | 'handled';
  when: 'passed' | 'onTime' | 'overdue';
  to: 'reporter' | 'handler';
  item: string;
}

/**
 * The default case rules: a verified discovery, a case handled on time, an overdue case.
 *
 * @example
 * ```ts
 * DEFAULT_CASE_POINTS_RULES.length; // 3
 * ```
 */
export const DEFAULT_CASE_POINTS_RULES: readonly CasePointsRule[] = Object.freeze([
  { id: 'discovery', event: 'verified', when: 'passed', to: 'reporter', item: 'verified-discovery' },
  { id: 'on-time', event: 'handled', when: 'onTime', to: 'handler', item: 'on-time-case' },
  { id: 'overdue', event: 'handled', when: 'overdue', to: 'handler', item: 'overdue-case' },
] satisfies CasePointsRule[]);

/**
 * One thing in the points shop 积分超市: its price in points and its worth in yuan.
 *
 * @example
 * ```ts
 * const s: ShopItem = { id: 'rice', name: { zh: '大米 5 斤', en: 'Rice, 2.5 kg' }, price: 100, yuan: 15 };
 * ```
 */
export interface ShopItem {
  id: string;
  name: LocalizedText;
  price: number;
  yuan: number;
}

/**
 * Checks a shop catalogue: unique ids, positive prices, and every item worth at least ¥1 per
 * 10 points (Licheng's rule).
 *
 * @example
 * ```ts
 * checkShop([{ id: 'soap', name: { zh: '肥皂', en: 'Soap' }, price: 50, yuan: 2 }]).ok; // false: ¥2 < ¥5
 * ```
 */
export function checkShop(items: readonly ShopItem[]): Result<ReadonlyMap<string, ShopItem>> {
  need('checkShop', 'items', items, 'iterable');
  const errors: JcIssue[] = [];
  const map = new Map<string, ShopItem>();
  for (const it of items) {
    if (map.has(it.id)) errors.push(engagementIssue('E_BAD_RULES', `duplicate ${it.id}`, 'id'));
    if (!(it.price > 0) || !Number.isInteger(it.price)) errors.push(engagementIssue('E_BAD_RULES', it.id, 'price'));
    else if (it.yuan * 10 < it.price) errors.push(engagementIssue('E_SHOP_RATE', it.id, 'yuan'));
    map.set(it.id, it);
  }
  return errors.length ? fail(errors) : ok(map);
}

/**
 * The default shop catalogue.
 *
 * @example
 * ```ts
 * checkShop(DEFAULT_SHOP).ok; // true
 * ```
 */
export const DEFAULT_SHOP: readonly ShopItem[] = Object.freeze([
  { id: 'soap', name: { zh: '洗衣皂', en: 'Laundry soap' }, price: 20, yuan: 3 },
  { id: 'oil', name: { zh: '食用油 1 升', en: 'Cooking oil, 1 l' }, price: 100, yuan: 15 },
  { id: 'rice', name: { zh: '大米 5 斤', en: 'Rice, 2.5 kg' }, price: 120, yuan: 15 },
  { id: 'towel', name: { zh: '毛巾', en: 'Towel' }, price: 30, yuan: 5 },
] satisfies ShopItem[]);

/** Every engagement command type. @example `ENGAGEMENT_COMMAND_TYPES.includes('dispatchOrder'); // true` */
export const ENGAGEMENT_COMMAND_TYPES = [
  'reportMember', 'withdrawMember', 'createRoster', 'recordAttendance', 'placeOrder', 'dispatchOrder', 'acceptOrder',
  'declineOrder', 'completeOrder', 'confirmOrder', 'cancelOrder', 'openAccount', 'transferHours', 'donateHours',
  'redeemHours', 'claimPoints', 'decideClaim', 'awardPoints', 'settleQuarter', 'stockShop', 'redeemPoints',
] as const;
/** An engagement command type. @example `const t: EngagementCommandType = 'confirmOrder';` */
export type EngagementCommandType = (typeof ENGAGEMENT_COMMAND_TYPES)[number];

/**
 * Which roles may run the commands that act *for* a node (the rest are run by the person they
 * concern: the member, the resident, the account owner). The actor's grant node must contain
 * the target node.
 *
 * @example
 * ```ts
 * DEFAULT_ENGAGEMENT_POLICY.dispatchOrder.includes('village-officer'); // true
 * ```
 */
export type EngagementPolicy = Readonly<Partial<Record<EngagementCommandType, readonly string[]>>>;

const OFFICERS = ['village-officer', 'town-officer', 'grid-head', 'grid-worker'];
const BRANCH = ['village-officer', 'town-officer'];
/**
 * The default table: community officers and grid staff dispatch and keep rosters; the village
 * party organisation (village officers) or the town approves claims, settles and stocks the
 * shop; residents order with the roles they hold where they live.
 *
 * @example
 * ```ts
 * const p: EngagementPolicy = { ...DEFAULT_ENGAGEMENT_POLICY, decideClaim: ['village-officer'] };
 * ```
 */
export const DEFAULT_ENGAGEMENT_POLICY: EngagementPolicy = Object.freeze({
  reportMember: OFFICERS,
  withdrawMember: OFFICERS,
  createRoster: OFFICERS,
  recordAttendance: OFFICERS,
  placeOrder: ['citizen', 'party-member', 'volunteer', 'unit-head', ...OFFICERS],
  dispatchOrder: OFFICERS,
  openAccount: OFFICERS,
  decideClaim: BRANCH,
  awardPoints: BRANCH,
  settleQuarter: BRANCH,
  stockShop: BRANCH,
});
