/**
 * The error messages of the engagement domain (orders, the time bank, points), in Chinese
 * and English, in one table.
 * @module
 */
import { issue, type JcIssue } from '../errors/errors.js';
import { need, needKey } from '../errors/args.js';

/**
 * Every code the engagement domain can report, with its zh and en message.
 *
 * @example
 * ```ts
 * ENGAGEMENT_MESSAGES.E_BELOW_FLOOR[1]; // 'the balance would fall below the account floor'
 * ```
 */
export const ENGAGEMENT_MESSAGES = {
  E_INVALID_INPUT: ['输入无效', 'invalid input'],
  E_BAD_RULES: ['规则配置无效', 'invalid rules'],
  E_SHOP_RATE: ['积分兑换不得低于每 10 分 1 元', 'redemption must be worth at least ¥1 per 10 points'],
  E_NOT_PERMITTED: ['您的角色无权执行此操作', 'your role may not do this'],
  E_OUT_OF_SCOPE: ['超出您的管辖范围', 'outside your scope'],
  E_UNKNOWN_NODE: ['节点不存在', 'no such node'],
  E_NOT_VILLAGE: ['报到对象须为村（社区）', 'members report to a village or community'],
  E_NO_MEMBER: ['未报到的党员或志愿者', 'no such reported member'],
  E_MEMBER_INACTIVE: ['该成员已退出', 'the member has withdrawn'],
  E_NO_ROSTER: ['轮值安排不存在', 'no such roster'],
  E_ROSTER_EXISTS: ['轮值安排编号已存在', 'a roster with this id already exists'],
  E_NOT_ON_ROSTER: ['出勤人员不在轮值名单中', 'an attendee is not on the roster'],
  E_ORDER_EXISTS: ['订单编号已存在', 'an order with this id already exists'],
  E_NO_ORDER: ['订单不存在', 'no such order'],
  E_WRONG_STATE: ['订单当前状态不允许此操作', 'the order is not in a state that allows this'],
  E_UNKNOWN_CATEGORY: ['服务类别不存在', 'unknown service category'],
  E_BAD_WINDOW: ['服务时段无效', 'invalid time window'],
  E_NOT_ASSIGNEE: ['您不是该订单的接单人', 'you are not the member this order was dispatched to'],
  E_NOT_RESIDENT: ['只有下单群众可以执行此操作', 'only the resident who ordered may do this'],
  E_SELF_SERVE: ['不能为自己的订单接单', 'a member may not serve their own order'],
  E_SELF_CONFIRM: ['不能确认自己提供的服务', 'no one may confirm a service they gave'],
  E_DECLINED_BEFORE: ['该成员已拒绝此订单', 'this member already declined the order'],
  E_BAD_STEP: ['时长须为记录步长的整数倍', 'the amount must be a whole number of recording steps'],
  E_ACCOUNT_EXISTS: ['账户已存在', 'the account already exists'],
  E_NO_ACCOUNT: ['账户不存在', 'no such account'],
  E_WRONG_LEDGER: ['账户类别不符', 'the account belongs to another ledger'],
  E_NOT_OWNER: ['只有账户所有人可以执行此操作', 'only the account owner may do this'],
  E_BELOW_FLOOR: ['余额不足：不能低于账户下限', 'the balance would fall below the account floor'],
  E_OVER_CAP: ['超过存储上限', 'the stored balance would exceed its cap'],
  E_NOT_FAMILY: ['只能转赠给家庭成员', 'hours may only be given to family'],
  E_NOT_ALLOWED_BY_RULES: ['本地规则不允许此操作', 'the local rules do not allow this'],
  E_SAME_ACCOUNT: ['转出与转入账户相同', 'the two accounts are the same'],
  E_ITEM_CAP: ['该项目本期积分已达上限', 'the item’s cap for this period is reached'],
  E_UNKNOWN_ITEM: ['积分项目不存在', 'no such points item'],
  E_NEEDS_EVIDENCE: ['该项目须附佐证材料', 'this item needs evidence'],
  E_CLAIM_EXISTS: ['申报编号已存在', 'a claim with this id already exists'],
  E_NO_CLAIM: ['申报不存在', 'no such claim'],
  E_CLAIM_DECIDED: ['该申报已审核', 'the claim has been decided'],
  E_SELF_APPROVE: ['申报人不得审核自己的申报', 'no one may approve their own claim'],
  E_SETTLED: ['该季度已结算', 'this quarter is already settled'],
  E_NO_SHOP_ITEM: ['商品不存在', 'no such item in the shop'],
  E_OUT_OF_STOCK: ['库存不足', 'not enough stock'],
} as const satisfies Record<string, readonly [string, string]>;

/** A code of the engagement domain. @example `const c: EngagementCode = 'E_SELF_APPROVE';` */
export type EngagementCode = keyof typeof ENGAGEMENT_MESSAGES;

/**
 * Builds the issue for an engagement code, optionally with a detail appended to both texts and
 * the field it concerns.
 *
 * @example
 * ```ts
 * engagementIssue('E_NO_ORDER', 'o-42').en; // 'no such order: o-42'
 * ```
 */
export function engagementIssue(code: EngagementCode, detail?: string, column?: string): JcIssue {
  needKey('engagementIssue', 'code', code, ENGAGEMENT_MESSAGES);
  need('engagementIssue', 'detail', detail, 'string?');
  need('engagementIssue', 'column', column, 'string?');
  const [zh, en] = ENGAGEMENT_MESSAGES[code];
  const where: Omit<JcIssue, 'code' | 'zh' | 'en'> = column === undefined ? {} : { column };
  return detail === undefined ? issue(code, zh, en, where) : issue(code, `${zh}：${detail}`, `${en}: ${detail}`, where);
}
