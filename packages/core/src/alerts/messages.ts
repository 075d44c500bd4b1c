/**
 * The error messages of alerts, in Chinese and English, in one table.
 * @module
 */
import { issue, type JcIssue } from '../errors/errors.js';
import { need, needKey } from '../errors/args.js';

/**
 * Every code the alerts domain can report, with its zh and en message.
 *
 * @example
 * ```ts
 * ALERT_MESSAGES.E_ALERT_TOO_EARLY[1]; // 'the time limit for escalating has not passed'
 * ```
 */
export const ALERT_MESSAGES = {
  E_INVALID_INPUT: ['输入无效', 'invalid input'],
  E_DUPLICATE_RULE: ['预警规则编号重复', 'duplicate alert rule id'],
  E_UNKNOWN_LEVEL: ['层级不存在', 'unknown level'],
  E_UNKNOWN_CATEGORY: ['事项类别不存在', 'unknown category'],
  E_UNKNOWN_TOPIC: ['专题不存在', 'unknown topic'],
  E_UNKNOWN_NODE: ['节点不存在', 'no such node'],
  E_UNKNOWN_RULE: ['预警规则不存在', 'no such alert rule'],
  E_EVENT_ORDER: ['事件时间早于已处理的事件', 'event is earlier than one already processed'],
  E_ALERT_EXISTS: ['预警编号已存在', 'an alert with this id already exists'],
  E_NO_ALERT: ['预警不存在', 'no such alert'],
  E_STALE_VERSION: ['预警已被他人处理，请刷新后重试', 'the alert has changed since you loaded it: reload and retry'],
  E_WRONG_STATE: ['预警当前状态不允许此操作', 'the alert is not in a state that allows this'],
  E_NOT_PERMITTED: ['您的角色无权执行此操作', 'your role may not do this'],
  E_OUT_OF_SCOPE: ['超出您的管辖范围', 'outside your scope'],
  E_NO_HIGHER_LEVEL: ['已是最高层级，无法上报', 'already at the top level: cannot escalate'],
  E_ALERT_TOO_EARLY: ['尚未到升级时限', 'the time limit for escalating has not passed'],
} as const;

/** A code of the alerts domain. @example `const c: AlertCode = 'E_NO_ALERT';` */
export type AlertCode = keyof typeof ALERT_MESSAGES;

/**
 * Builds the issue for an alerts code, optionally with a detail and the field it concerns.
 *
 * @example
 * ```ts
 * alertIssue('E_NO_ALERT', 'a-1').en; // 'no such alert: a-1'
 * ```
 */
export function alertIssue(code: AlertCode, detail?: string, column?: string): JcIssue {
  needKey('alertIssue', 'code', code, ALERT_MESSAGES);
  need('alertIssue', 'detail', detail, 'string?');
  need('alertIssue', 'column', column, 'string?');
  const [zh, en] = ALERT_MESSAGES[code];
  const where = column === undefined ? {} : { column };
  return detail === undefined ? issue(code, zh, en, where) : issue(code, `${zh}：${detail}`, `${en}: ${detail}`, where);
}
