/**
 * The intake of a new case: one zod schema composed from the core's `discover` and
 * `register` command schemas (so the rules and their messages are the core's), plus the
 * reporter's contact, consent and "hide my identity" choice, which the host keeps in its case
 * record (fields `reporterName`, `reporterPhone`, `anonymous` of the access layer's field
 * policy) rather than in the event stream.
 * @module
 */
import * as z from 'zod';
import { type JcIssue, type LocalizedText, type Result } from '@jiceng/core';
import { commandSchemas, FIELD_LABELS, zodIssues, type Attachment, type CaseCommandOf } from '@jiceng/core/cases';
import { issue } from '@jiceng/core/errors';
import { need } from '@jiceng/core/errors';

const discover = commandSchemas.discover.shape;
const register = commandSchemas.register.shape;

/** Messages of the rules the core does not have (reporter and coordinates), zh and en. */
const INTAKE_RULES = {
  E_CONSENT_REQUIRED: ['报告人同意：登记报告人联系方式须经本人同意', "consent: the reporter's contact details are recorded only with their consent"],
  E_COORDINATES_PAIR: ['坐标：经度和纬度须同时填写', 'coordinates: give both latitude and longitude'],
  E_PHONE_FORMAT: ['联系电话：格式不正确（5–20 位数字，可含 +、- 和空格）', 'phone: wrong format (5–20 digits, may contain +, - and spaces)'],
} as const;

/**
 * Labels of the intake fields that the core's `FIELD_LABELS` does not have.
 *
 * @example
 * ```ts
 * INTAKE_LABELS.reporterPhone.zh; // '联系电话'
 * ```
 */
export const INTAKE_LABELS: Readonly<Record<string, LocalizedText>> = Object.freeze({
  reporterName: { zh: '报告人姓名', en: "reporter's name" },
  reporterPhone: { zh: '联系电话', en: 'phone' },
  consent: { zh: '报告人同意', en: 'consent' },
  anonymous: { zh: '隐藏报告人身份', en: 'hide identity' },
});

/** Digits with an optional leading +, spaces and hyphens: 5–20 characters. */
const PHONE = /^\+?[0-9][0-9\s-]{3,18}[0-9]$/;

const optionalText = (max: number) => z.string().trim().max(max).optional();

/**
 * The intake schema: the core's rules for category, node, address, coordinates, description,
 * urgency, source and attachments, plus the reporter. A reporter's name or phone may be
 * recorded only with their consent; latitude and longitude come together.
 *
 * @example
 * ```ts
 * const r = intakeSchema.safeParse({ category: 'city.rubbish', node: '350304001001001', description: '垃圾堆放',
 *   urgency: 'normal', source: 'patrol', consent: false, anonymous: false });
 * r.success; // true
 * ```
 */
export const intakeSchema = z
  .object({
    category: register.category,
    node: discover.node,
    address: register.address,
    lat: register.lat,
    lng: register.lng,
    description: discover.description,
    urgency: register.urgency,
    source: discover.source,
    reporterName: optionalText(200),
    reporterPhone: z.string().trim().refine((v) => PHONE.test(v), { params: { rule: 'E_PHONE_FORMAT' } }).optional(),
    consent: z.boolean(),
    anonymous: z.boolean(),
    attachments: discover.attachments,
  })
  .superRefine((v, ctx) => {
    for (const [rule, path] of crossRules(v)) ctx.addIssue({ code: 'custom', path: [path], message: rule, params: { rule } });
  });

/** The rules between fields; zod runs them only once every field passed, so they are also run on their own. */
function crossRules(v: IntakeInput): [keyof typeof INTAKE_RULES, string][] {
  const out: [keyof typeof INTAKE_RULES, string][] = [];
  if ((v.reporterName || v.reporterPhone) && !v.consent) out.push(['E_CONSENT_REQUIRED', 'consent']);
  if ((v.lat === undefined) !== (v.lng === undefined)) out.push(['E_COORDINATES_PAIR', v.lat === undefined ? 'lat' : 'lng']);
  return out;
}

/**
 * A validated intake, as the element emits it.
 *
 * @example
 * ```ts
 * const i: CaseIntake = { category: 'city.rubbish', node: '350304001001001', description: '垃圾堆放',
 *   urgency: 'normal', source: 'patrol', consent: false, anonymous: false };
 * ```
 */
export type CaseIntake = z.output<typeof intakeSchema>;

/**
 * The intake as typed, before validation (numbers may be `NaN`, texts may be empty).
 *
 * @example
 * ```ts
 * const raw: IntakeInput = { description: '', consent: false, anonymous: false };
 * ```
 */
export type IntakeInput = Partial<z.input<typeof intakeSchema>>;

/**
 * The core commands an intake becomes: `discover` (the host runs it first; it creates the
 * case) and the payload of `register`, to which the host adds the new `caseId` and
 * `expectedVersion: 1`.
 *
 * @example
 * ```ts
 * const { discover, register } = intakeCommands(intake);
 * const r = decideCase(discover, actor, lookup, ctx);
 * if (r.ok) decideCase({ ...register, caseId: r.value[0].caseId, expectedVersion: 1 }, actor, lookup, ctx);
 * ```
 */
export interface IntakeCommands {
  discover: CaseCommandOf<'discover'>;
  register: Omit<CaseCommandOf<'register'>, 'caseId' | 'expectedVersion'>;
}

/**
 * Splits a validated intake into the core's commands. The reporter's name goes into the
 * `discover` event only when the reporter did not ask to hide their identity; their phone
 * never does (it stays in the host's case record, masked by the access layer).
 *
 * @example
 * ```ts
 * intakeCommands(intake).discover.type; // 'discover'
 * ```
 */
export function intakeCommands(v: CaseIntake): IntakeCommands {
  need('intakeCommands', 'v', v, 'object', { node: 'string' });
  const discover: CaseCommandOf<'discover'> = { type: 'discover', node: v.node, source: v.source, description: v.description };
  if (v.reporterName && !v.anonymous) discover.reporter = v.reporterName;
  if (v.attachments?.length) discover.attachments = v.attachments;
  // the finder's urgency and place stay in the file even when someone else registers the case
  if (v.urgency) discover.urgency = v.urgency;
  if (v.address) discover.address = v.address;
  if (v.lat !== undefined && v.lng !== undefined) Object.assign(discover, { lat: v.lat, lng: v.lng });
  const register: IntakeCommands['register'] = { type: 'register', category: v.category, urgency: v.urgency, description: v.description };
  if (v.address) register.address = v.address;
  if (v.lat !== undefined && v.lng !== undefined) Object.assign(register, { lat: v.lat, lng: v.lng });
  return { discover, register };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function relabel(p: JcIssue, field: string): JcIssue {
  const own = INTAKE_LABELS[field];
  if (!own || FIELD_LABELS[field]) return p;
  // zodIssues prefixes the bare field name when the core has no label for it.
  return { ...p, zh: own.zh + p.zh.slice(field.length), en: own.en + p.en.slice(field.length) };
}

/**
 * Turns zod issues of an intake (or of any command) into `JcIssue`s with the field path in
 * `column`: the core's `zodIssues` for its own fields, this package's labels and rules for the
 * rest. Empty optional texts count as absent.
 *
 * @example
 * ```ts
 * const r = intakeSchema.safeParse(raw);
 * if (!r.success) formIssues(r.error.issues, raw).map((p) => `${p.column}: ${p.zh}`);
 * ```
 */
export function formIssues(issues: readonly z.core.$ZodIssue[], input: unknown): JcIssue[] {
  need('formIssues', 'issues', issues, 'array');
  return issues.map((p) => {
    const rule = (p as { params?: { rule?: string } }).params?.rule as keyof typeof INTAKE_RULES | undefined;
    if (rule && INTAKE_RULES[rule]) {
      const [zh, en] = INTAKE_RULES[rule];
      return issue('E_INVALID_INPUT', zh, en, { column: p.path.map(String).join('.') });
    }
    // A choice never made (an enum left undefined) reads "required", as a missing text does.
    const missing = p.code === 'invalid_value' && valueAt(input, p.path) === undefined;
    const [out] = zodIssues([missing ? ({ code: 'invalid_type', expected: 'string', path: p.path, message: '' }) : p], input);
    const field = [...p.path].map(String).reverse().find((k) => !/^\d+$/.test(k)) ?? '';
    return relabel(out, field);
  });
}

/**
 * Validates a raw intake: the intake ready for the core, or every field problem at once.
 *
 * @example
 * ```ts
 * const r = validateIntake({ description: ' ', consent: false, anonymous: false });
 * if (!r.ok) r.errors.map((e) => e.column); // ['category', 'node', 'description', 'urgency', 'source']
 * ```
 */
export function validateIntake(raw: IntakeInput): Result<CaseIntake> {
  need('validateIntake', 'raw', raw, 'object');
  const r = intakeSchema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data, warnings: [] };
  const errors = formIssues(r.error.issues, raw);
  for (const [rule, column] of crossRules(raw)) {
    if (!errors.some((e) => e.column === column)) errors.push(issue('E_INVALID_INPUT', INTAKE_RULES[rule][0], INTAKE_RULES[rule][1], { column }));
  }
  return { ok: false, errors, warnings: [] };
}

/**
 * The intake as typed: strings as in the inputs, so that a half-typed value survives a
 * reload and shows its own message.
 *
 * @example
 * ```ts
 * const raw: IntakeRaw = { ...EMPTY_INTAKE, description: '楼道堆物' };
 * ```
 */
export interface IntakeRaw {
  category: string;
  node: string;
  address: string;
  lat: string;
  lng: string;
  description: string;
  urgency: string;
  source: string;
  reporterName: string;
  reporterPhone: string;
  consent: boolean;
  anonymous: boolean;
  attachments: Attachment[];
}

/**
 * A blank intake (urgency defaults to normal).
 *
 * @example
 * ```ts
 * form.reset(); // back to EMPTY_INTAKE
 * ```
 */
export const EMPTY_INTAKE: Readonly<IntakeRaw> = Object.freeze({
  category: '', node: '', address: '', lat: '', lng: '', description: '', urgency: 'normal', source: '',
  reporterName: '', reporterPhone: '', consent: false, anonymous: false, attachments: [],
});

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.trim()));
const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s);

/**
 * Turns the typed intake into the input of the intake schema.
 *
 * @example
 * ```ts
 * intakeInput({ ...EMPTY_INTAKE, lat: '25.4' }).lat; // 25.4
 * ```
 */
export function intakeInput(r: IntakeRaw): IntakeInput {
  need('intakeInput', 'r', r, 'object', {
    category: 'string', node: 'string', address: 'string', lat: 'string', lng: 'string', description: 'string', urgency: 'string',
    source: 'string', reporterName: 'string', reporterPhone: 'string', consent: 'boolean', anonymous: 'boolean', attachments: 'array',
  });
  const out: IntakeInput = {
    category: r.category, node: r.node, description: r.description, consent: r.consent, anonymous: r.anonymous,
    address: opt(r.address), lat: num(r.lat), lng: num(r.lng), reporterName: opt(r.reporterName),
    reporterPhone: opt(r.reporterPhone), attachments: r.attachments.length ? r.attachments : undefined,
  };
  if (r.urgency) out.urgency = r.urgency as IntakeInput['urgency'];
  if (r.source) out.source = r.source as IntakeInput['source'];
  return out;
}
