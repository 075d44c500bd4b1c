/**
 * Case commands and their zod schemas. One schema is both the type and the check; the case
 * form reuses the schemas and {@link FIELD_LABELS} to show per-field messages in zh and en.
 * @module
 */
import { z } from 'zod';
import { isList } from '../errors/args.js';
import { fail, issue, JcError, ok, type JcIssue, type LocalizedText, type Result } from '../errors/errors.js';
import { CASE_SOURCES } from './facts.js';
import { URGENCIES } from './categories.js';
import { TIME_LIMIT_UNITS } from '../calendar/calendar.js';

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls. */
// eslint-disable-next-line no-control-regex -- the class matches control characters on purpose, to refuse them in text
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Every control character: single-line fields (names, codes, ids). */
// eslint-disable-next-line no-control-regex -- the class matches control characters on purpose, to refuse them in single-line fields
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * True if `s` is fit to store as user text: well-formed UTF-16 (no lone surrogate) and no
 * control character (a multi-line text may hold tabs and line breaks, a single line none).
 *
 * @example
 * ```ts
 * isCleanText('楼道堆物\n已清理', true); // true
 * isCleanText('张三\u0000', false);      // false
 * ```
 */
export function isCleanText(s: string, multiline = true): boolean {
  return typeof s === 'string' && !LONE_SURROGATE.test(s) && !(multiline ? CONTROL_IN_TEXT : CONTROL_IN_LINE).test(s);
}

const CONTROL_TEXT = { params: { jc: 'control' } };
/** A user's text: trimmed, NFC-normalised, within `max` characters, no control characters. */
const userText = (max: number, multiline: boolean, min: number) =>
  z.string().trim().normalize('NFC').min(min).max(max).refine((v) => isCleanText(v, multiline), CONTROL_TEXT);
const text = (max: number) => userText(max, true, 1);
/** A name, code or id: one line. */
const line = (max: number) => userText(max, false, 1);
const note = userText(2000, true, 0).optional();
const epoch = z.number().finite();

/**
 * The limits of the case commands' text fields, in characters (UTF-16 code units), for the
 * event log's schema to check the same limits.
 *
 * @example
 * ```ts
 * TEXT_LIMITS.description; // 2000
 * ```
 */
export const TEXT_LIMITS = Object.freeze({ description: 2000, note: 2000, reason: 2000, result: 2000, findings: 2000, name: 255, id: 100, node: 40, category: 100, person: 200, measure: 200, address: 500, reporter: 200, department: 100, mime: 100 });

/**
 * The schema of an attachment's metadata.
 *
 * @example
 * ```ts
 * attachmentSchema.parse({ id: 'f1', name: 'a.jpg', mime: 'image/jpeg', size: 10 });
 * ```
 */
export const attachmentSchema = z.object({
  id: line(100),
  name: line(255),
  mime: line(100),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
const attachments = z.array(attachmentSchema).max(50).optional();

/** The limit schema (amount + unit). */
const timeLimitSchema = z.object({ amount: z.number().positive().max(1000), unit: z.enum(TIME_LIMIT_UNITS) });

const onCase = { caseId: line(100), expectedVersion: z.number().int().min(1) };

/**
 * One zod schema per command type. `expectedVersion` is the case version the client last
 * saw: a stale one is refused.
 *
 * @example
 * ```ts
 * const r = commandSchemas.verify.safeParse({ type: 'verify', caseId: 'c1', expectedVersion: 6, passed: true, note: '已整改' });
 * ```
 */
export const commandSchemas = {
  recordPatrol: z.object({ type: z.literal('recordPatrol'), unit: line(40), findings: userText(2000, true, 0), at: epoch.optional() }),
  discover: z.object({
    type: z.literal('discover'), node: line(40), source: z.enum(CASE_SOURCES), description: text(2000),
    reporter: userText(200, false, 0).optional(), patrolId: userText(100, false, 0).optional(), attachments,
    // what the one who found it saw: kept in the file even if someone else registers it
    urgency: z.enum(URGENCIES).optional(), address: userText(500, false, 0).optional(),
    lng: z.number().min(-180).max(180).optional(), lat: z.number().min(-90).max(90).optional(),
  }),
  register: z.object({
    type: z.literal('register'), ...onCase, category: line(100), urgency: z.enum(URGENCIES), description: text(2000),
    address: userText(500, false, 0).optional(), lng: z.number().min(-180).max(180).optional(),
    lat: z.number().min(-90).max(90).optional(), parties: z.array(line(200)).max(50).optional(), attachments,
  }),
  reject: z.object({ type: z.literal('reject'), ...onCase, reason: text(2000) }),
  linkDuplicate: z.object({ type: z.literal('linkDuplicate'), ...onCase, of: line(100), note }),
  dispatch: z.object({
    type: z.literal('dispatch'), ...onCase, node: line(40), department: line(100).optional(),
    person: line(100).optional(), note,
  }),
  accept: z.object({ type: z.literal('accept'), ...onCase, note }),
  return: z.object({ type: z.literal('return'), ...onCase, reason: text(2000) }),
  reportProgress: z.object({ type: z.literal('reportProgress'), ...onCase, note: text(2000), attachments }),
  requestExtension: z.object({ type: z.literal('requestExtension'), ...onCase, limit: timeLimitSchema, reason: text(2000) }),
  decideExtension: z.object({ type: z.literal('decideExtension'), ...onCase, grant: z.boolean(), reason: text(2000) }),
  requestSuspension: z.object({ type: z.literal('requestSuspension'), ...onCase, reason: text(2000) }),
  decideSuspension: z.object({ type: z.literal('decideSuspension'), ...onCase, grant: z.boolean(), reason: text(2000) }),
  resume: z.object({ type: z.literal('resume'), ...onCase, note }),
  escalate: z.object({ type: z.literal('escalate'), ...onCase, reason: text(2000) }),
  reportHandled: z.object({ type: z.literal('reportHandled'), ...onCase, result: text(2000), attachments }),
  verify: z.object({ type: z.literal('verify'), ...onCase, passed: z.boolean(), note: text(2000), attachments }),
  giveFeedback: z.object({ type: z.literal('giveFeedback'), ...onCase, channel: z.enum(['phone', 'sms', 'visit', 'app', 'letter']), note: text(2000) }),
  followUp: z.object({ type: z.literal('followUp'), ...onCase, satisfaction: z.number().int().min(1).max(5), recurred: z.boolean(), note }),
  close: z.object({ type: z.literal('close'), ...onCase, note }),
  reopen: z.object({ type: z.literal('reopen'), ...onCase, reason: text(2000) }),
  supervise: z.object({ type: z.literal('supervise'), ...onCase, note: text(2000), limit: timeLimitSchema.optional() }),
  recordAccountability: z.object({ type: z.literal('recordAccountability'), ...onCase, person: line(200), measure: line(200), reason: text(2000) }),
} as const;

/**
 * Any command, discriminated by `type`.
 *
 * @example
 * ```ts
 * caseCommandSchema.safeParse({ type: 'close', caseId: 'c1', expectedVersion: 8 }).success; // true
 * ```
 */
export const caseCommandSchema = z.discriminatedUnion('type', Object.values(commandSchemas) as unknown as [
  (typeof commandSchemas)['discover'], ...(typeof commandSchemas)[keyof typeof commandSchemas][],
]);

/** The input of each command type. @example `const c: CaseCommandOf<'accept'> = { type: 'accept', caseId: 'c1', expectedVersion: 3 };` */
export type CaseCommandOf<T extends keyof typeof commandSchemas> = z.input<(typeof commandSchemas)[T]>;
/** Any command (validated). @example `const c: CaseCommand = { type: 'close', caseId: 'c1', expectedVersion: 8 };` */
export type CaseCommand = { [T in keyof typeof commandSchemas]: z.output<(typeof commandSchemas)[T]> }[keyof typeof commandSchemas];

/**
 * Labels of the command fields, in zh and en, for per-field messages.
 *
 * @example
 * ```ts
 * FIELD_LABELS.urgency.zh; // '紧急程度'
 * ```
 */
export const FIELD_LABELS: Readonly<Record<string, LocalizedText>> = Object.freeze({
  type: { zh: '操作', en: 'command' },
  caseId: { zh: '案件编号', en: 'case id' },
  expectedVersion: { zh: '案件版本', en: 'case version' },
  unit: { zh: '单元', en: 'unit' },
  findings: { zh: '巡查情况', en: 'findings' },
  at: { zh: '时间', en: 'time' },
  node: { zh: '节点', en: 'node' },
  source: { zh: '来源', en: 'source' },
  description: { zh: '问题描述', en: 'description' },
  reporter: { zh: '报告人', en: 'reporter' },
  patrolId: { zh: '巡查记录', en: 'patrol record' },
  attachments: { zh: '附件', en: 'attachments' },
  id: { zh: '编号', en: 'id' },
  name: { zh: '名称', en: 'name' },
  mime: { zh: '文件类型', en: 'file type' },
  size: { zh: '大小', en: 'size' },
  sha256: { zh: '校验值', en: 'checksum' },
  category: { zh: '事项类别', en: 'category' },
  urgency: { zh: '紧急程度', en: 'urgency' },
  address: { zh: '地址', en: 'address' },
  lng: { zh: '经度', en: 'longitude' },
  lat: { zh: '纬度', en: 'latitude' },
  parties: { zh: '当事人', en: 'parties' },
  reason: { zh: '理由', en: 'reason' },
  of: { zh: '重复的案件', en: 'duplicate of' },
  note: { zh: '说明', en: 'note' },
  department: { zh: '部门', en: 'department' },
  person: { zh: '人员', en: 'person' },
  limit: { zh: '时限', en: 'time limit' },
  amount: { zh: '时长', en: 'amount' },
  grant: { zh: '审批结果', en: 'decision' },
  result: { zh: '处置结果', en: 'result' },
  passed: { zh: '核查结论', en: 'verdict' },
  channel: { zh: '反馈方式', en: 'channel' },
  satisfaction: { zh: '满意度', en: 'satisfaction' },
  recurred: { zh: '是否复发', en: 'recurred' },
  measure: { zh: '问责方式', en: 'measure' },
});

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/**
 * One problem a schema found, as zod reports it (`z.core.$ZodIssue` fits): what
 * {@link zodIssues} reads.
 *
 * @example
 * ```ts
 * const p: SchemaIssue = { code: 'too_big', path: ['satisfaction'], message: '', maximum: 5, origin: 'number' };
 * ```
 */
export interface SchemaIssue {
  /** The kind of problem (`invalid_type`, `too_small`, `too_big`, `invalid_value`, `invalid_format`, `custom`…). */
  code: string;
  /** Where in the input: field names and array indexes. */
  path: PropertyKey[];
  /** zod's own message (English). */
  message: string;
  /** For `invalid_type`: the type expected. */
  expected?: string;
  /** For `too_small`: the bound. */
  minimum?: number | bigint;
  /** For `too_big`: the bound. */
  maximum?: number | bigint;
  /** For `too_small`/`too_big`: what was measured (`string`, `array`, `number`). */
  origin?: string;
  /** For `custom`: the check's parameters (`{ jc: 'control' }`: a control character). */
  params?: { jc?: string };
}

/**
 * Turns zod issues into {@link JcIssue}s with code `E_INVALID_INPUT`, the field path in
 * `column` and a per-field message in zh and en (e.g. `满意度：不能大于 5`). `labels` names the
 * fields (default {@link FIELD_LABELS}; other domains pass their own).
 *
 * @example
 * ```ts
 * const r = commandSchemas.followUp.safeParse(input);
 * if (!r.success) zodIssues(r.error.issues, input).map((p) => p.zh);
 * ```
 */
export function zodIssues(
  issues: readonly SchemaIssue[], input: unknown, labels: Readonly<Record<string, LocalizedText>> = FIELD_LABELS,
): JcIssue[] {
  if (!isList(issues) || !issues.every((p) => p !== null && typeof p === 'object' && Array.isArray((p as { path?: unknown }).path))) {
    throw new JcError(issue('E_INVALID_INPUT', '参数 issues 无效：应为 zod 的问题列表', 'invalid argument issues: expected a list of zod issues', { column: 'issues' }));
  }
  return issues.map((p) => {
    const path = p.path.map(String);
    const field = [...path].reverse().find((k) => !/^\d+$/.test(k)) ?? 'type';
    const label = labels[field] ?? FIELD_LABELS[field] ?? { zh: field, en: field };
    let zh = '无效';
    let en = 'invalid';
    const q = p;
    if (p.code === 'invalid_type' && valueAt(input, p.path) === undefined) [zh, en] = ['必填', 'required'];
    else if (p.code === 'invalid_type') [zh, en] = ['类型不正确', `wrong type, expected ${p.expected}`];
    else if (p.code === 'too_small' && (q.origin === 'string' || q.origin === 'array')) {
      [zh, en] = Number(q.minimum) <= 1 ? ['必填', 'required'] : [`至少 ${q.minimum} 个`, `at least ${q.minimum}`];
    } else if (p.code === 'too_small') [zh, en] = [`不能小于 ${q.minimum}`, `must be at least ${q.minimum}`];
    else if (p.code === 'too_big' && q.origin === 'string') [zh, en] = [`不能超过 ${q.maximum} 个字符`, `at most ${q.maximum} characters`];
    else if (p.code === 'too_big' && q.origin === 'array') [zh, en] = [`不能超过 ${q.maximum} 项`, `at most ${q.maximum} items`];
    else if (p.code === 'too_big') [zh, en] = [`不能超过 ${q.maximum}`, `must be at most ${q.maximum}`];
    else if (p.code === 'custom' && q.params?.jc === 'control') [zh, en] = ['不能含控制字符（如 NUL）或残缺的字符', 'must not contain control characters (such as NUL) or broken characters'];
    else if (p.code === 'invalid_value' || p.code === 'invalid_union') [zh, en] = ['取值不在允许范围内', 'not one of the allowed values'];
    else if (p.code === 'invalid_format') [zh, en] = ['格式不正确', 'wrong format'];
    return issue('E_INVALID_INPUT', `${label.zh}：${zh}`, `${label.en}: ${en}`, { column: path.join('.') || 'type' });
  });
}

/**
 * Validates any command input: the parsed command, or every field problem.
 *
 * @example
 * ```ts
 * const r = validateCommand({ type: 'followUp', caseId: 'c1', expectedVersion: 7, satisfaction: 9, recurred: false });
 * // r.ok === false; r.errors[0].column === 'satisfaction'
 * ```
 */
export function validateCommand(input: unknown): Result<CaseCommand> {
  const r = caseCommandSchema.safeParse(input);
  return r.success ? ok(r.data) : fail(zodIssues(r.error.issues, input));
}
