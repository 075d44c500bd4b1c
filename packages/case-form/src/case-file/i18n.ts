/**
 * Every visible string of `<jc-case-file>`, in Chinese (default) and English. A host overrides
 * any of them through the element's `i18n` property.
 * @module
 */
import { CASE_SOURCE_LABELS, CASE_STATUS_LABELS, URGENCY_LABELS, type CaseSource, type Urgency } from '@jiceng/core/cases';
import { column } from '../shared/labels.js';

/**
 * The strings of `<jc-case-file>`.
 *
 * @example
 * ```ts
 * file.i18n = { print: '打印档案' } satisfies Partial<CaseFileStrings>;
 * ```
 */
export interface CaseFileStrings {
  title: string;
  empty: string;
  node: string;
  category: string;
  /** Intake fields shown in the file's header. */
  urgency: string;
  source: string;
  address: string;
  coordinates: string;
  reporter: string;
  urgencies: Record<Urgency, string>;
  sources: Record<CaseSource, string>;
  status: string;
  progress: string;
  stepStatus: Record<'done' | 'current' | 'pending' | 'skipped', string>;
  summary: string;
  events: string;
  total: string;
  deadlinesMissed: string;
  rework: string;
  escalations: string;
  extensions: string;
  supervisions: string;
  accountabilities: string;
  satisfaction: string;
  timeline: string;
  actor: string;
  role: string;
  at: string;
  since: string;
  deadline: string;
  met: string;
  missed: string;
  sets: string;
  attachments: string;
  note: string;
  marks: Record<'supervision' | 'accountability' | 'rework' | 'recurrence', string>;
  print: string;
  none: string;
  statuses: Record<string, string>;
}

/**
 * The built-in strings of `<jc-case-file>`.
 *
 * @example
 * ```ts
 * caseFileStrings.zh.marks.supervision; // '督办'
 * ```
 */
export const caseFileStrings: { zh: CaseFileStrings; en: CaseFileStrings } = {
  zh: {
    title: '案件档案 {id}',
    empty: '没有案件档案',
    node: '所属节点',
    urgency: '紧急程度',
    source: '来源',
    address: '地址',
    coordinates: '坐标',
    reporter: '报告人',
    urgencies: column(URGENCY_LABELS, 'zh'),
    sources: column(CASE_SOURCE_LABELS, 'zh'),
    category: '事项类别',
    status: '状态',
    progress: '七步闭环进度',
    stepStatus: { done: '已完成', current: '进行中', pending: '未开始', skipped: '不适用' },
    summary: '概要',
    events: '事件数',
    total: '总用时',
    deadlinesMissed: '超期次数',
    rework: '返工次数',
    escalations: '上报次数',
    extensions: '延期次数',
    supervisions: '督办次数',
    accountabilities: '问责次数',
    satisfaction: '满意度',
    timeline: '办理过程',
    actor: '办理人',
    role: '角色',
    at: '时间',
    since: '距上一步',
    deadline: '时限',
    met: '按时',
    missed: '超期',
    sets: '新时限',
    attachments: '附件',
    note: '说明',
    marks: { supervision: '督办', accountability: '问责', rework: '返工', recurrence: '复发' },
    print: '打印档案',
    none: '无',
    statuses: column(CASE_STATUS_LABELS, 'zh'),
  },
  en: {
    title: 'Case file {id}',
    empty: 'No case file',
    node: 'Node',
    urgency: 'Urgency',
    source: 'Source',
    address: 'Address',
    coordinates: 'Coordinates',
    reporter: 'Reporter',
    urgencies: column(URGENCY_LABELS, 'en'),
    sources: column(CASE_SOURCE_LABELS, 'en'),
    category: 'Category',
    status: 'Status',
    progress: 'Seven-step progress',
    stepStatus: { done: 'done', current: 'current', pending: 'pending', skipped: 'not applicable' },
    summary: 'Summary',
    events: 'Events',
    total: 'Total time',
    deadlinesMissed: 'Deadlines missed',
    rework: 'Rework',
    escalations: 'Escalations',
    extensions: 'Extensions',
    supervisions: 'Supervisions',
    accountabilities: 'Accountability records',
    satisfaction: 'Satisfaction',
    timeline: 'Timeline',
    actor: 'Actor',
    role: 'Role',
    at: 'Time',
    since: 'Since previous',
    deadline: 'Deadline',
    met: 'met',
    missed: 'missed',
    sets: 'New deadline',
    attachments: 'Attachments',
    note: 'Note',
    marks: { supervision: 'Supervision', accountability: 'Accountability', rework: 'Rework', recurrence: 'Recurrence' },
    print: 'Print file',
    none: 'none',
    statuses: column(CASE_STATUS_LABELS, 'en'),
  },
};

