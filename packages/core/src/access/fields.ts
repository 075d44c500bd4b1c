/**
 * Field sensitivity as data: for each kind of record, each field's sensitivity and masking
 * rule. Fields a policy does not list are treated as `personal` and withheld (fail safe).
 * @module
 */
import type { Sensitivity } from './sensitivity.js';
import type { MaskRule } from './mask.js';

/**
 * The rule of one field.
 *
 * @example
 * ```ts
 * const phone: FieldRule = { sensitivity: 'personal', mask: 'phone', reporter: true };
 * ```
 */
export interface FieldRule {
  /** How sensitive the field is. */
  sensitivity: Sensitivity;
  /** How the value is masked for a reader below that sensitivity. */
  mask: MaskRule;
  /**
   * True for fields that describe a case's reporter: when the report is anonymous they are
   * shown only to roles that contact reporters, and withheld entirely from everyone else.
   */
  reporter?: boolean;
  /**
   * True for free-text fields of a lower sensitivity that may still embed personal numbers:
   * readers below `personal` get the text with embedded numbers masked.
   */
  embedsPersonal?: boolean;
}

/**
 * Field rules per record kind (`case`, `person`, `special-population`, `attachment`,
 * `follow-up`, `handover`, or any kind a host adds).
 *
 * @example
 * ```ts
 * const p: FieldPolicy = { case: { id: { sensitivity: 'public', mask: 'none' } } };
 * ```
 */
export type FieldPolicy = Readonly<Record<string, Readonly<Record<string, FieldRule>>>>;

/**
 * The rule for a field no policy lists: personal, withheld entirely from readers below
 * personal (fail safe: an unknown field may hold anything).
 *
 * @example
 * ```ts
 * UNLISTED_FIELD.mask; // 'redact'
 * ```
 */
export const UNLISTED_FIELD: FieldRule = Object.freeze({ sensitivity: 'personal', mask: 'redact' });

const f = (sensitivity: Sensitivity, mask: MaskRule, extra: Partial<FieldRule> = {}): FieldRule =>
  Object.freeze({ sensitivity, mask, ...extra });
const PUBLIC = f('public', 'none');
const INTERNAL = f('internal', 'none');
const NOTE = f('internal', 'text', { embedsPersonal: true });

/**
 * The default field policy. Identity numbers, diagnoses and notes on health, criminal-justice
 * and drug matters are `sensitive` (PIPL art. 28); names, phones, addresses, photos
 * `personal`; descriptions `internal` with embedded numbers masked. Registry records are
 * read only by roles that cover their group (see `RoleRule.registryGroups`); within them,
 * group and risk level are `personal` so that those who do the visits see them.
 *
 * @example
 * ```ts
 * DEFAULT_FIELD_POLICY.case.reporterPhone.mask; // 'phone'
 * ```
 */
export const DEFAULT_FIELD_POLICY = Object.freeze({
  case: Object.freeze({
    id: PUBLIC, node: PUBLIC, category: PUBLIC, status: PUBLIC, source: PUBLIC, urgency: PUBLIC,
    reportedAt: PUBLIC, closedAt: PUBLIC, dueAt: PUBLIC, anonymous: PUBLIC, version: PUBLIC,
    title: NOTE, description: NOTE, handlerNote: NOTE,
    handler: f('internal', 'name'),
    location: f('personal', 'address'),
    reporterId: f('personal', 'redact', { reporter: true }),
    reporterName: f('personal', 'name', { reporter: true }),
    reporterPhone: f('personal', 'phone', { reporter: true }),
    reporterAddress: f('personal', 'address', { reporter: true }),
    reporterIdNumber: f('sensitive', 'id-number', { reporter: true }),
    attachments: f('personal', 'redact'),
  }),
  person: Object.freeze({
    id: INTERNAL, node: PUBLIC, gender: INTERNAL,
    name: f('personal', 'name'), phone: f('personal', 'phone'), address: f('personal', 'address'),
    birthDate: f('personal', 'year'), idNumber: f('sensitive', 'id-number'),
    ethnicity: f('sensitive', 'redact'), religion: f('sensitive', 'redact'), note: NOTE,
  }),
  'special-population': Object.freeze({
    id: INTERNAL, node: INTERNAL, status: INTERNAL, enrolledAt: INTERNAL, nextFollowUpDue: INTERNAL,
    followUpOverdue: INTERNAL, notificationDue: INTERNAL, notificationOverdue: INTERNAL,
    name: f('personal', 'name'), phone: f('personal', 'phone'), address: f('personal', 'address'),
    birthDate: f('personal', 'year'), idNumber: f('sensitive', 'id-number'),
    group: f('personal', 'redact'), riskLevel: f('personal', 'redact'), diagnosis: f('sensitive', 'redact'),
    guardianName: f('personal', 'name'), guardianPhone: f('personal', 'phone'),
    legalBasis: INTERNAL, consent: INTERNAL, note: f('sensitive', 'redact'),
  }),
  'follow-up': Object.freeze({
    id: INTERNAL, personId: INTERNAL, at: INTERNAL, by: f('internal', 'name'), node: INTERNAL,
    group: f('personal', 'redact'), riskLevel: f('personal', 'redact'), outcome: f('personal', 'text'),
  }),
  handover: Object.freeze({
    id: INTERNAL, personId: INTERNAL, at: INTERNAL, from: INTERNAL, to: INTERNAL, node: INTERNAL,
    group: f('personal', 'redact'), note: f('sensitive', 'redact'),
  }),
  attachment: Object.freeze({
    id: PUBLIC, mime: PUBLIC, size: PUBLIC, caption: NOTE,
    name: f('personal', 'text'), url: f('personal', 'redact'),
  }),
}) satisfies FieldPolicy;
