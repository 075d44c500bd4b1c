/**
 * Engagement commands and their zod schemas. Every command carries a `commandId` chosen by
 * the client: a retried command with the same id yields no new events (it never pays twice).
 * @module
 */
import { z } from 'zod';
import { fail, ok, type LocalizedText, type Result } from '../errors/errors.js';
import { attachmentSchema, zodIssues } from '../cases/commands.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const id = text(100);
const note = z.string().trim().max(2000).optional();
const amount = z.number().positive().max(100_000);
const base = { commandId: id };

/**
 * One zod schema per engagement command type.
 *
 * @example
 * ```ts
 * engagementCommandSchemas.confirmOrder.safeParse({ type: 'confirmOrder', commandId: 'k1', order: 'o1', rating: 5 }).success; // true
 * ```
 */
export const engagementCommandSchemas = {
  reportMember: z.object({
    type: z.literal('reportMember'), ...base, member: id, name: z.string().trim().max(100).optional(),
    kind: z.enum(['party-member', 'capable']), node: text(40), home: z.string().trim().min(1).max(40).optional(),
    skills: z.array(text(40)).max(20), days: z.array(z.number().int().min(0).max(6)).max(7),
    household: z.string().trim().min(1).max(100).optional(),
  }),
  withdrawMember: z.object({ type: z.literal('withdrawMember'), ...base, member: id, reason: text(500) }),
  createRoster: z.object({
    type: z.literal('createRoster'), ...base, roster: id, kind: z.enum(['station', 'link', 'pair', 'joint']),
    node: text(40), members: z.array(id).min(1).max(200), target: z.string().trim().max(200).optional(),
  }),
  recordAttendance: z.object({ type: z.literal('recordAttendance'), ...base, roster: id, present: z.array(id).max(200) }),
  placeOrder: z.object({
    type: z.literal('placeOrder'), ...base, order: id, node: text(40), category: text(100),
    from: z.number().finite(), to: z.number().finite(), description: text(2000),
  }),
  dispatchOrder: z.object({ type: z.literal('dispatchOrder'), ...base, order: id, member: id, note }),
  acceptOrder: z.object({ type: z.literal('acceptOrder'), ...base, order: id }),
  declineOrder: z.object({ type: z.literal('declineOrder'), ...base, order: id, reason: text(500) }),
  completeOrder: z.object({ type: z.literal('completeOrder'), ...base, order: id, hours: amount, note }),
  confirmOrder: z.object({ type: z.literal('confirmOrder'), ...base, order: id, rating: z.number().int().min(1).max(5), note }),
  cancelOrder: z.object({ type: z.literal('cancelOrder'), ...base, order: id, reason: text(500) }),
  openAccount: z.object({
    type: z.literal('openAccount'), ...base, account: id, ledger: z.enum(['time', 'points']), owner: id,
    kind: z.enum(['person', 'household']), node: text(40), household: z.string().trim().min(1).max(100).optional(),
  }),
  transferHours: z.object({ type: z.literal('transferHours'), ...base, from: id, to: id, hours: amount, memo: note }),
  donateHours: z.object({ type: z.literal('donateHours'), ...base, from: id, hours: amount, memo: note }),
  redeemHours: z.object({ type: z.literal('redeemHours'), ...base, account: id, hours: amount, memo: note }),
  claimPoints: z.object({
    type: z.literal('claimPoints'), ...base, claim: id, account: id, item: id, qty: z.number().int().min(1).max(100),
    evidence: z.array(attachmentSchema).max(20).optional(), note,
  }),
  decideClaim: z.object({ type: z.literal('decideClaim'), ...base, claim: id, approve: z.boolean(), reason: note }),
  awardPoints: z.object({
    type: z.literal('awardPoints'), ...base, account: id, item: id, qty: z.number().int().min(1).max(100), memo: note,
  }),
  settleQuarter: z.object({ type: z.literal('settleQuarter'), ...base, node: text(40), quarter: z.number().int().min(0) }),
  stockShop: z.object({ type: z.literal('stockShop'), ...base, node: text(40), item: id, qty: z.number().int().min(1).max(100_000) }),
  redeemPoints: z.object({
    type: z.literal('redeemPoints'), ...base, account: id, node: text(40), item: id, qty: z.number().int().min(1).max(100),
  }),
} as const;

/**
 * Any engagement command, discriminated by `type`.
 *
 * @example
 * ```ts
 * engagementCommandSchema.safeParse({ type: 'acceptOrder', commandId: 'k2', order: 'o1' }).success; // true
 * ```
 */
export const engagementCommandSchema = z.discriminatedUnion('type', Object.values(engagementCommandSchemas) as unknown as [
  (typeof engagementCommandSchemas)['placeOrder'], ...(typeof engagementCommandSchemas)[keyof typeof engagementCommandSchemas][],
]);

/** The input of one command type. @example `const c: EngagementCommandOf<'acceptOrder'> = { type: 'acceptOrder', commandId: 'k', order: 'o1' };` */
export type EngagementCommandOf<T extends keyof typeof engagementCommandSchemas> = z.output<(typeof engagementCommandSchemas)[T]>;
/** Any engagement command (validated). @example `const c: EngagementCommand = { type: 'acceptOrder', commandId: 'k', order: 'o1' };` */
export type EngagementCommand = { [T in keyof typeof engagementCommandSchemas]: z.output<(typeof engagementCommandSchemas)[T]> }[keyof typeof engagementCommandSchemas];

/**
 * Labels of the engagement command fields, in zh and en, for per-field messages.
 *
 * @example
 * ```ts
 * ENGAGEMENT_FIELD_LABELS.rating.zh; // '评价'
 * ```
 */
export const ENGAGEMENT_FIELD_LABELS: Readonly<Record<string, LocalizedText>> = Object.freeze({
  commandId: { zh: '操作编号', en: 'command id' },
  member: { zh: '党员', en: 'member' },
  kind: { zh: '类别', en: 'kind' },
  home: { zh: '居住网格', en: 'home grid' },
  skills: { zh: '技能', en: 'skills' },
  days: { zh: '可服务日', en: 'available days' },
  household: { zh: '家庭', en: 'household' },
  roster: { zh: '轮值安排', en: 'roster' },
  members: { zh: '人员', en: 'members' },
  target: { zh: '对象', en: 'target' },
  present: { zh: '出勤人员', en: 'attendees' },
  order: { zh: '订单', en: 'order' },
  from: { zh: '开始', en: 'from' },
  to: { zh: '结束', en: 'to' },
  hours: { zh: '时长', en: 'hours' },
  rating: { zh: '评价', en: 'rating' },
  account: { zh: '账户', en: 'account' },
  ledger: { zh: '账本', en: 'ledger' },
  owner: { zh: '所有人', en: 'owner' },
  memo: { zh: '备注', en: 'memo' },
  claim: { zh: '申报', en: 'claim' },
  item: { zh: '项目', en: 'item' },
  qty: { zh: '数量', en: 'quantity' },
  evidence: { zh: '佐证材料', en: 'evidence' },
  approve: { zh: '审核结论', en: 'decision' },
  quarter: { zh: '季度', en: 'quarter' },
});

/**
 * Validates any engagement command input: the parsed command, or every field problem.
 *
 * @example
 * ```ts
 * const r = validateEngagementCommand({ type: 'confirmOrder', commandId: 'k', order: 'o1', rating: 9 });
 * // r.ok === false; r.errors[0].column === 'rating'
 * ```
 */
export function validateEngagementCommand(input: unknown): Result<EngagementCommand> {
  const r = engagementCommandSchema.safeParse(input);
  return r.success ? ok(r.data) : fail(zodIssues(r.error.issues, input, ENGAGEMENT_FIELD_LABELS));
}
