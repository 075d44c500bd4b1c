/**
 * The error messages of the access layer, in Chinese and English, in one table.
 * @module
 */
import { issue, type JcIssue } from '../errors/errors.js';
import { need, needKey } from '../errors/args.js';

/**
 * Every code the access layer and the registry can report, with its zh and en message.
 *
 * @example
 * ```ts
 * ACCESS_MESSAGES.E_NO_PURPOSE[1]; // 'a purpose is required to read sensitive data'
 * ```
 */
export const ACCESS_MESSAGES = {
  E_OUT_OF_SCOPE: ['超出您的管辖范围', 'outside your scope'],
  E_NO_CASE: ['您的查阅范围内没有此案件', 'no such case within your scope'],
  E_UNKNOWN_NODE: ['节点不存在', 'no such node'],
  E_NO_PURPOSE: ['查阅敏感信息必须说明用途', 'a purpose is required to read sensitive data'],
  E_FORBIDDEN_VIEW: ['此视图不得显示该类信息', 'this view may not show this kind of record'],
  E_NOT_PERMITTED: ['您的角色无权执行此操作', 'your role may not do this'],
  E_UNKNOWN_ROLE: ['未知角色', 'unknown role'],
  E_UNKNOWN_GROUP: ['未知的特殊人群类别', 'unknown special-population group'],
  E_UNKNOWN_PERSON: ['登记册中没有此人', 'no such person in the registry'],
  E_DUPLICATE_PERSON: ['此人已登记', 'this person is already registered'],
  E_PERSON_CLOSED: ['此人已注销', 'this person has left the registry'],
  E_NO_LEGAL_BASIS: ['必须记录同意或法律依据', 'consent or a legal basis must be recorded'],
  E_BAD_RISK_LEVEL: ['风险等级应为 0–5 的整数', 'risk level must be an integer 0–5'],
  E_NOT_MENTAL_HEALTH: ['仅严重精神障碍患者有风险等级与随访', 'only people with severe mental disorders have risk levels and follow-ups'],
  E_BAD_TIME: ['时间无效', 'invalid time'],
  E_TIME_ORDER: ['事件时间早于上一事件', 'event time is before the previous event'],
  E_BAD_INPUT: ['输入无效', 'invalid input'],
  E_BAD_VERSION: ['版本冲突，请刷新后重试', 'version conflict: reload and retry'],
} as const satisfies Record<string, readonly [string, string]>;

/** A code of the access layer. @example `const c: AccessCode = 'E_OUT_OF_SCOPE';` */
export type AccessCode = keyof typeof ACCESS_MESSAGES;

/**
 * Builds the issue for an access-layer code, optionally with a detail appended to both texts.
 *
 * @example
 * ```ts
 * const p = accessIssue('E_OUT_OF_SCOPE', '350302001000');
 * p.en; // 'outside your scope: 350302001000'
 * ```
 */
export function accessIssue(code: AccessCode, detail?: string, column?: string): JcIssue {
  needKey('accessIssue', 'code', code, ACCESS_MESSAGES);
  need('accessIssue', 'detail', detail, 'string?');
  need('accessIssue', 'column', column, 'string?');
  const [zh, en] = ACCESS_MESSAGES[code];
  const d = detail ? `: ${detail}` : '';
  return issue(code, `${zh}${detail ? `：${detail}` : ''}`, `${en}${d}`, column ? { column } : {});
}
