/**
 * Display labels in zh and en for the case loop's ids: statuses, sources, urgencies and
 * commands (the case form's buttons).
 * @module
 */
import type { LocalizedText } from '../errors/errors.js';
import type { CaseCommandType } from './policy.js';
import type { CaseSource, CaseStatus } from './facts.js';
import type { Urgency } from './categories.js';

/** Labels of the statuses. @example `CASE_STATUS_LABELS.closed.zh; // '已办结'` */
export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, LocalizedText>> = Object.freeze({
  discovered: { zh: '待立案', en: 'Awaiting registration' },
  registered: { zh: '待派遣', en: 'Awaiting dispatch' },
  dispatched: { zh: '待签收', en: 'Awaiting acceptance' },
  handling: { zh: '处置中', en: 'Being handled' },
  handled: { zh: '待核查', en: 'Awaiting verification' },
  verified: { zh: '待回访', en: 'Awaiting follow-up' },
  followup: { zh: '待办结', en: 'Awaiting closing' },
  closed: { zh: '已办结', en: 'Closed' },
  suspended: { zh: '挂账', en: 'Suspended' },
  rejected: { zh: '不予立案', en: 'Rejected' },
  duplicate: { zh: '重复案件', en: 'Duplicate' },
  void: { zh: '已作废', en: 'Void' },
});

/** Labels of the sources. @example `CASE_SOURCE_LABELS.hotline.zh; // '12345热线'` */
export const CASE_SOURCE_LABELS: Readonly<Record<CaseSource, LocalizedText>> = Object.freeze({
  patrol: { zh: '网格巡查', en: 'Grid patrol' },
  citizen: { zh: '群众上报', en: 'Citizen report' },
  video: { zh: '视频发现', en: 'Video' },
  department: { zh: '部门移交', en: 'Department referral' },
  hotline: { zh: '12345热线', en: '12345 hotline' },
  higher: { zh: '上级交办', en: 'Assigned by a higher level' },
});

/** Labels of the urgencies. @example `URGENCY_LABELS.critical.en; // 'Critical'` */
export const URGENCY_LABELS: Readonly<Record<Urgency, LocalizedText>> = Object.freeze({
  normal: { zh: '一般', en: 'Normal' },
  urgent: { zh: '紧急', en: 'Urgent' },
  critical: { zh: '特急', en: 'Critical' },
});

/** Labels of the commands, for buttons. @example `COMMAND_LABELS.verify.zh; // '核查'` */
export const COMMAND_LABELS: Readonly<Record<CaseCommandType, LocalizedText>> = Object.freeze({
  recordPatrol: { zh: '巡查登记', en: 'Record patrol' },
  discover: { zh: '上报问题', en: 'Report a problem' },
  register: { zh: '立案', en: 'Register' },
  reject: { zh: '不予立案', en: 'Reject' },
  linkDuplicate: { zh: '合并重复', en: 'Link as duplicate' },
  dispatch: { zh: '派遣', en: 'Dispatch' },
  accept: { zh: '签收', en: 'Accept' },
  return: { zh: '退回', en: 'Return as not ours' },
  reportProgress: { zh: '报告进展', en: 'Report progress' },
  requestExtension: { zh: '申请延期', en: 'Request extension' },
  decideExtension: { zh: '审批延期', en: 'Decide extension' },
  requestSuspension: { zh: '申请挂账', en: 'Request suspension' },
  decideSuspension: { zh: '审批挂账', en: 'Decide suspension' },
  resume: { zh: '恢复办理', en: 'Resume' },
  escalate: { zh: '上报上级', en: 'Escalate' },
  reportHandled: { zh: '处置完毕', en: 'Report handled' },
  verify: { zh: '核查', en: 'Verify' },
  giveFeedback: { zh: '反馈报告人', en: 'Give feedback' },
  followUp: { zh: '回访', en: 'Follow up' },
  close: { zh: '办结', en: 'Close' },
  reopen: { zh: '重新办理', en: 'Reopen' },
  supervise: { zh: '督办', en: 'Supervise' },
  recordAccountability: { zh: '问责', en: 'Record accountability' },
});
