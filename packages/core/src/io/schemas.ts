/**
 * zod schemas of the files, and the translation of zod's findings into {@link JcIssue}s with
 * Chinese and English text.
 * @module
 * @internal
 */
import { z } from 'zod';
import { issue, type JcIssue, type LocalizedText } from '../errors/errors.js';
import { FACILITY_KINDS, ORG_KINDS, PAIRING_KINDS, PERSON_ROLES } from '../overlay/types.js';

const text = z.object({ zh: z.string(), en: z.string() });
const range = z.object({ from: z.number().int(), to: z.number().int(), name: text });

/** The schema of a {@link HierarchyConfig}. @internal */
export const configSchema = z.object({
  id: z.string().min(1),
  levels: z
    .array(
      z.object({
        id: z.string().min(1),
        name: text,
        duties: z.array(text),
        code: z.object({ length: z.number().int().positive(), significant: z.number().int().nonnegative(), ranges: z.array(range).optional() }),
      }),
    )
    .min(1),
});

const str = z.string().min(1);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}/);

/** The schema of the versioned JSON document. @internal */
export const documentSchema = z.object({
  format: z.literal('jiceng-hierarchy'),
  version: z.literal(1),
  config: configSchema,
  nodes: z.array(
    z.object({
      code: str, parent: z.string().nullable(), level: str, name: str, nameEn: z.string().optional(),
      zone: z.boolean().optional(), validFrom: date.optional(), validTo: date.optional(),
    }),
  ),
  organisations: z.array(z.object({ id: str, kind: z.enum(ORG_KINDS as [string, ...string[]]), node: str, name: str, parent: z.string().optional() })).default([]),
  people: z.array(z.object({ id: str, name: str, role: z.enum(PERSON_ROLES as [string, ...string[]]), node: str, partyMember: z.boolean(), person: z.string().optional() })).default([]),
  facilities: z.array(z.object({ id: str, kind: z.enum(FACILITY_KINDS as [string, ...string[]]), node: str, name: str })).default([]),
  compounds: z.array(z.object({ id: str, node: str, name: str, branch: z.string().optional() })).default([]),
  pairings: z.array(z.object({ id: str, kind: z.enum(PAIRING_KINDS as [string, ...string[]]), partner: str, partnerOrg: z.string().optional(), target: str })).default([]),
});

/**
 * Translates zod issues into {@link JcIssue}s. `column` is the first path element when
 * `describe` is given (a CSV column), else the whole path (`nodes[3].code`).
 * @internal
 */
export function zodIssues(list: readonly z.core.$ZodIssue[], describe?: (column: string) => LocalizedText): JcIssue[] {
  return list.map((p) => {
    const column = describe
      ? String(p.path[0] ?? '')
      : p.path.map((s, j) => (typeof s === 'number' ? `[${s}]` : j === 0 ? String(s) : `.${String(s)}`)).join('');
    const d = describe ? describe(column) : { zh: column, en: column };
    const where = column ? { column } : {};
    switch (p.code) {
      case 'invalid_type':
        if (p.input === undefined) return issue('E_MISSING_FIELD', `缺少必填字段：${d.zh}`, `missing required field: ${d.en}`, where);
        return issue('E_TYPE', `${d.zh} 的类型应为 ${p.expected}`, `${d.en} must be of type ${p.expected}`, where);
      case 'too_small':
        if (p.origin === 'string') return issue('E_MISSING_FIELD', `缺少必填字段：${d.zh}`, `missing required field: ${d.en}`, where);
        return issue('E_TOO_SMALL', `${d.zh} 至少应为 ${String(p.minimum)}`, `${d.en} must be at least ${String(p.minimum)}`, where);
      case 'invalid_value': {
        const vals = p.values.map(String);
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the message quotes the rejected value, whatever it is
        const got = String((p as { input?: unknown }).input ?? '');
        return issue('E_UNKNOWN_VALUE', `${d.zh}“${got}”无效，应为：${vals.join('、')}`, `${d.en} "${got}" is not allowed; expected one of ${vals.join(', ')}`, where);
      }
      case 'invalid_format':
        return issue('E_FORMAT', `${d.zh} 格式错误，应为 YYYY-MM-DD 日期`, `${d.en} is malformed; expected a YYYY-MM-DD date`, where);
      case 'custom':
        return issue('E_FORMAT', `${d.zh} 应为 1/0、是/否、true/false`, `${d.en} must be 1/0, 是/否 or true/false`, where);
      default:
        return issue('E_INVALID', `${d.zh} 无效：${p.message}`, `${d.en} is invalid: ${p.message}`, where);
    }
  });
}
