/**
 * The error messages of the case loop, in Chinese and English, in one table.
 * @module
 */
import { issue, JcError, type JcIssue } from '../errors/errors.js';

/**
 * Every code the case loop can report, with its zh and en message.
 *
 * @example
 * ```ts
 * CASE_MESSAGES.E_STALE_VERSION[1]; // 'the case has changed since you loaded it: reload and retry'
 * ```
 */
export const CASE_MESSAGES = {
  // input
  E_INVALID_INPUT: ['输入无效', 'invalid input'],
  E_UNKNOWN_COMMAND: ['未知的操作', 'unknown command'],
  // categories and calendar
  E_DUPLICATE_CATEGORY: ['事项类别重复', 'duplicate category'],
  E_UNKNOWN_PARENT_CATEGORY: ['上级类别不存在', 'unknown parent category'],
  E_UNKNOWN_CATEGORY: ['事项类别不存在', 'unknown category'],
  E_NO_TIME_LIMIT: ['该类别未设定此紧急程度的处置时限', 'the category has no time limit for this urgency'],
  E_UNKNOWN_LEVEL: ['层级不存在', 'unknown level'],
  E_BAD_DATE: ['日期无效，应为 YYYY-MM-DD', 'invalid date, expected YYYY-MM-DD'],
  E_BAD_HOURS: ['工作时段无效', 'invalid working hours'],
  E_NO_WORKING_TIME: ['日历中没有工作时间', 'the calendar has no working time'],
  // lifecycle
  E_CASE_EXISTS: ['案件编号已存在', 'a case with this id already exists'],
  E_NO_CASE: ['案件不存在', 'no such case'],
  E_STALE_VERSION: ['案件已被他人修改，请刷新后重试', 'the case has changed since you loaded it: reload and retry'],
  E_WRONG_STATE: ['案件当前状态不允许此操作', 'the case is not in a state that allows this'],
  E_NOT_PERMITTED: ['您的角色无权执行此操作', 'your role may not do this'],
  E_OUT_OF_SCOPE: ['超出您的管辖范围', 'outside your scope'],
  E_UNKNOWN_NODE: ['节点不存在', 'no such node'],
  E_NOT_HANDLER: ['您不是该案件的承办方', 'you are not the handler of this case'],
  E_SELF_VERIFY: ['处置人不得核查自己的处置结果', 'whoever reported the case handled may not verify it'],
  E_HANDLING_BODY_VERIFY: ['承办单位人员不得核查本单位的处置结果', 'no one of the handling body may verify its own work'],
  E_HANDLER_FOLLOWUP: ['处置人不得对自己处置的案件跟踪回访', 'whoever reported the case handled may not follow it up'],
  E_HANDLING_BODY_FOLLOWUP: ['承办单位人员不得跟踪回访本单位处置的案件', 'no one of the handling body may follow up its own work'],
  E_HANDLER_CLOSE: ['处置人不得办结自己处置的案件', 'whoever reported the case handled may not close it'],
  E_HANDLING_BODY_CLOSE: ['承办单位人员不得办结本单位处置的案件', 'no one of the handling body may close its own work'],
  E_DUTY_LEVEL: ['此层级不得履行该职责', 'this duty may not be done from this level'],
  E_SELF_APPROVE: ['申请人不得审批自己的申请', 'whoever asked may not decide their own request'],
  E_NOT_ON_PATH: ['承办单位须为案件所在节点或其上级', 'the handling body must be the case node or one of its ancestors'],
  E_BELOW_HANDLING_LEVEL: ['该类事项不能由此层级处置', 'this category is not handled at this level'],
  E_NOT_EMPOWERED: ['该镇街未获赋权处置此类事项', 'this town is not empowered for this category'],
  E_NO_HIGHER_LEVEL: ['已无更高层级', 'there is no higher level'],
  E_CLOSE_LEVEL: ['此层级无权对该类事项办结', 'this level may not close this category'],
  E_NOT_VERIFIED: ['未通过核查，不能办结', 'not verified: cannot close'],
  E_NO_FOLLOWUP: ['未跟踪回访，不能办结', 'no follow-up yet: cannot close'],
  E_NO_FEEDBACK: ['尚未向报告人反馈，不能办结', 'the reporter has had no feedback: cannot close'],
  E_PENDING_REQUEST: ['已有待审批的申请', 'a request is already pending'],
  E_NO_REQUEST: ['没有待审批的申请', 'no request is pending'],
  E_SELF_DUPLICATE: ['不能与自身合并', 'a case cannot duplicate itself'],
  E_NO_DEADLINE: ['案件没有处置时限', 'the case has no deadline'],
  E_NOT_UNIT: ['巡查对象须为单元', 'a patrol is recorded on a unit'],
  // event log
  E_BAD_JSON: ['不是有效的 JSON', 'not valid JSON'],
  E_BAD_EVENT: ['事件格式无效', 'invalid event'],
  E_EVENT_ORDER: ['事件版本不连续', 'event version out of order'],
  E_TIME_BACKWARDS: ['事件时间早于该案件的上一事件', 'event time is before the previous event of its case'],
  E_CASE_BROKEN: ['该案件此前有无效事件，本事件不计入', 'an earlier event of this case is invalid: this one is not counted'],
  E_BAD_UTF8: ['不是有效的 UTF-8 文本', 'not valid UTF-8 text'],
  E_CHAIN_BROKEN: ['哈希链断裂：该行或该案件此前的行被改动、删除或调换', 'hash chain broken: this line or an earlier line of its case was edited, removed or moved'],
  E_CHAIN_MISSING: ['该行没有哈希链字段', 'the line carries no hash chain'],
  E_CHAIN_TAIL: ['日志末尾的链摘要不符：有行被改动、删除、调换或追加', 'the log\'s closing chain digest does not match: lines were edited, removed, moved or added'],
  E_BAD_SNAPSHOT: ['快照格式无效', 'invalid snapshot'],
  E_LOG_NOT_KEPT: ['未保存事件日志', 'the event log is not kept'],
} as const satisfies Record<string, readonly [string, string]>;

/** A code of the case loop. @example `const c: CaseCode = 'E_STALE_VERSION';` */
export type CaseCode = keyof typeof CASE_MESSAGES;

/**
 * Builds the issue for a case-loop code, optionally with a detail appended to both texts and
 * the field it concerns.
 *
 * @example
 * ```ts
 * const p = caseIssue('E_NO_CASE', 'c-42');
 * p.en; // 'no such case: c-42'
 * ```
 */
export function caseIssue(code: CaseCode, detail?: string, column?: string, row?: number): JcIssue {
  if (typeof code !== 'string' || !Object.hasOwn(CASE_MESSAGES, code)) {
    throw new JcError(issue('E_INVALID_INPUT', `参数 code 无效：应为案件流程的错误代码`, 'invalid argument code: expected a code of the case loop', { column: 'code' }));
  }
  if (detail !== undefined && typeof detail !== 'string') detail = String(detail);
  const [zh, en] = CASE_MESSAGES[code];
  const where: Omit<JcIssue, 'code' | 'zh' | 'en'> = {};
  if (column !== undefined) where.column = column;
  if (row !== undefined) where.row = row;
  return detail === undefined ? issue(code, zh, en, where) : issue(code, `${zh}：${detail}`, `${en}: ${detail}`, where);
}
