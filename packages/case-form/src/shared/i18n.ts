/**
 * Every visible string of `<jc-case-intake>` and `<jc-case-actions>`, in Chinese (default) and
 * English. A host overrides any of them through the elements' `i18n` property. Field labels
 * of command payloads come from the core's `FIELD_LABELS`, so a field has one name everywhere.
 * @module
 */
import {
  CASE_SOURCE_LABELS, COMMAND_LABELS, URGENCY_LABELS, type CaseAction, type CaseSource, type Urgency,
} from '@jiceng/core/cases';
import { column } from './labels.js';
/**
 * The strings of `<jc-case-form>`. `{n}`-style placeholders are filled by the element.
 *
 * @example
 * ```ts
 * form.i18n = { submit: '上报' } satisfies Partial<CaseFormStrings>;
 * ```
 */
export interface CaseFormStrings {
  /** Labels of command fields by name (`reason`, `note`, `limit`…); the core's `FIELD_LABELS` where absent. */
  fieldLabels: Partial<Record<string, string>>;
  intakeTitle: string;
  required: string;
  /** The live count of a limited field: `{n}` typed of `{max}`, with the unit. */
  counter: string;
  category: string;
  categoryPlaceholder: string;
  categoryNone: string;
  node: string;
  nodeNone: string;
  nodeChosen: string;
  dispatchTarget: string;
  address: string;
  coordinates: string;
  lat: string;
  lng: string;
  description: string;
  urgency: string;
  urgencies: Record<Urgency, string>;
  source: string;
  sources: Record<CaseSource, string>;
  reporter: string;
  reporterName: string;
  reporterPhone: string;
  consent: string;
  anonymous: string;
  attachments: string;
  attachmentsHint: string;
  remove: string;
  hashing: string;
  noHash: string;
  submit: string;
  submitted: string;
  errorCount: string;
  draftRestored: string;
  actionsTitle: string;
  noActions: string;
  actions: Record<CaseAction, string>;
  deadlineInfo: string;
  workHours: string;
  workDays: string;
  grant: [string, string];
  passed: [string, string];
  channels: Record<'phone' | 'sms' | 'visit' | 'app' | 'letter', string>;
  satisfaction: [string, string, string, string, string];
  refused: string;
  accepted: string;
  busy: string;
}

const zh: CaseFormStrings = {
  fieldLabels: {},
  intakeTitle: '案件登记',
  required: '必填',
  counter: '{n}/{max} 字',
  category: '事项类别',
  categoryPlaceholder: '输入名称或编码筛选',
  categoryNone: '没有匹配的类别',
  node: '所在网格或单元',
  nodeNone: '尚未选择',
  nodeChosen: '已选择：{name}',
  dispatchTarget: '承办单位（节点）',
  address: '详细地址',
  coordinates: '坐标（可选）',
  lat: '纬度',
  lng: '经度',
  description: '问题描述',
  urgency: '紧急程度',
  urgencies: column(URGENCY_LABELS, 'zh'),
  source: '来源',
  sources: column(CASE_SOURCE_LABELS, 'zh'),
  reporter: '报告人（可选）',
  reporterName: '报告人姓名',
  reporterPhone: '联系电话',
  consent: '报告人同意登记其联系方式，仅用于办理和回访',
  anonymous: '隐藏报告人身份（仅回访人员可见）',
  attachments: '附件',
  attachmentsHint: '只记录文件名、类型、大小和校验值，文件由系统另行上传',
  remove: '移除 {name}',
  hashing: '正在计算校验值…',
  noHash: '此页面无法计算校验值',
  submit: '提交',
  submitted: '已提交',
  errorCount: '有 {n} 处需要更正',
  draftRestored: '已恢复上次未提交的草稿',
  actionsTitle: '可执行的操作',
  noActions: '您目前没有可对此案件执行的操作',
  actions: column(COMMAND_LABELS, 'zh'),
  deadlineInfo: '处置时限：{limit}，自派遣起按工作日历计算',
  workHours: '工作小时',
  workDays: '工作日',
  grant: ['同意', '不同意'],
  passed: ['通过', '不通过（返工）'],
  channels: { phone: '电话', sms: '短信', visit: '上门', app: '应用内', letter: '书面' },
  satisfaction: ['非常不满意', '不满意', '一般', '满意', '非常满意'],
  refused: '操作未被接受',
  accepted: '操作已完成',
  busy: '正在提交…',
};

const en: CaseFormStrings = {
  fieldLabels: {},
  intakeTitle: 'Report a case',
  required: 'required',
  counter: '{n}/{max} characters',
  category: 'Category',
  categoryPlaceholder: 'Type a name or code to filter',
  categoryNone: 'No matching category',
  node: 'Grid or unit',
  nodeNone: 'None chosen yet',
  nodeChosen: 'Chosen: {name}',
  dispatchTarget: 'Handling body (node)',
  address: 'Address',
  coordinates: 'Coordinates (optional)',
  lat: 'Latitude',
  lng: 'Longitude',
  description: 'Description',
  urgency: 'Urgency',
  urgencies: column(URGENCY_LABELS, 'en'),
  source: 'Source',
  sources: column(CASE_SOURCE_LABELS, 'en'),
  reporter: 'Reporter (optional)',
  reporterName: "Reporter's name",
  reporterPhone: 'Phone',
  consent: 'The reporter agrees that their contact details are recorded, for handling and follow-up only',
  anonymous: "Hide the reporter's identity (visible only to follow-up staff)",
  attachments: 'Attachments',
  attachmentsHint: 'Only name, type, size and checksum are recorded; the files are uploaded separately',
  remove: 'Remove {name}',
  hashing: 'Computing checksum…',
  noHash: 'This page cannot compute checksums',
  submit: 'Submit',
  submitted: 'Submitted',
  errorCount: '{n} fields need correcting',
  draftRestored: 'Your unsent draft was restored',
  actionsTitle: 'Available actions',
  noActions: 'There is nothing you can do on this case now',
  actions: column(COMMAND_LABELS, 'en'),
  deadlineInfo: 'Time limit: {limit}, counted on the working calendar from dispatch',
  workHours: 'working hours',
  workDays: 'working days',
  grant: ['Grant', 'Deny'],
  passed: ['Passed', 'Failed (rework)'],
  channels: { phone: 'Phone', sms: 'SMS', visit: 'Visit', app: 'In the app', letter: 'Letter' },
  satisfaction: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
  refused: 'The action was not accepted',
  accepted: 'Done',
  busy: 'Submitting…',
};

/**
 * The built-in strings of `<jc-case-form>`.
 *
 * @example
 * ```ts
 * caseFormStrings.en.submit; // 'Submit'
 * ```
 */
export const caseFormStrings: { zh: CaseFormStrings; en: CaseFormStrings } = { zh, en };

/** Fills `{key}` placeholders: the shared `fill` of `@jiceng/ui`. @example `fill('{n} 个', { n: 3 }); // '3 个'` */
export { fill } from '@jiceng/ui';
