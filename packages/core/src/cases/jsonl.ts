/**
 * The event log as JSON Lines: one event per line, lossless both ways, with every invalid
 * line reported (line number, code, zh/en) and skipped.
 * @module
 */
import { z } from 'zod';
import type { JcIssue } from '../errors.js';
import { CASE_SOURCES } from './facts.js';
import { URGENCIES } from './categories.js';
import type { AnyCaseEvent, CaseEventData, CaseEventType } from './events.js';
import { attachmentSchema, zodIssues } from './commands.js';
import { caseIssue } from './messages.js';
import { TIME_LIMIT_UNITS } from '../calendar/calendar.js';
import { ENFORCEMENT_EVENT_SCHEMAS } from './enforcement.js';

const str = z.string();
const opt = z.string().optional();
const time = z.number().finite();
const atts = z.array(attachmentSchema).optional();
/** The mark of a deadline computed with the weekday fallback outside the calendar's years. */
const estimated = z.literal(true).optional();
const limit = z.object({ amount: z.number().positive(), unit: z.enum(TIME_LIMIT_UNITS) });

/**
 * The schema of each event type's `data`.
 *
 * @example
 * ```ts
 * eventDataSchemas.verified.safeParse({ passed: true, note: 'ok' }).success; // true
 * ```
 */
export const eventDataSchemas: { [T in CaseEventType]: z.ZodType<CaseEventData[T]> } = {
  discovered: z.object({ node: str, source: z.enum(CASE_SOURCES), description: str, reporter: opt, patrolId: opt, attachments: atts }),
  registered: z.object({
    category: str, urgency: z.enum(URGENCIES), description: str, address: opt, lng: z.number().optional(), lat: z.number().optional(),
    parties: z.array(str).optional(), attachments: atts, dispatchDueAt: time, estimated,
  }),
  rejected: z.object({ reason: str }),
  duplicateLinked: z.object({ of: str, note: opt }),
  dispatched: z.object({ node: str, department: opt, person: opt, dueAt: time, estimated, note: opt }),
  accepted: z.object({ note: opt }),
  returned: z.object({ reason: str }),
  progressReported: z.object({ note: str, attachments: atts }),
  extensionRequested: z.object({ limit, reason: str }),
  extensionGranted: z.object({ dueAt: time, estimated, note: opt }),
  extensionDenied: z.object({ reason: str }),
  suspensionRequested: z.object({ reason: str }),
  suspensionGranted: z.object({ note: opt }),
  suspensionDenied: z.object({ reason: str }),
  resumed: z.object({ dueAt: time, estimated, note: opt }),
  escalated: z.object({ node: str, dueAt: time, estimated, reason: str }),
  handled: z.object({ result: str, attachments: atts }),
  verified: z.object({ passed: z.boolean(), note: str, attachments: atts }),
  feedbackGiven: z.object({ channel: z.enum(['phone', 'sms', 'visit', 'app', 'letter']), note: str }),
  followedUp: z.object({ satisfaction: z.number().int().min(1).max(5), recurred: z.boolean(), note: opt }),
  closed: z.object({ note: opt }),
  reopened: z.object({ reason: str, dueAt: time, estimated }),
  supervised: z.object({ note: str, dueAt: time.optional(), estimated }),
  accountabilityRecorded: z.object({ person: str, measure: str, reason: str }),
  ...ENFORCEMENT_EVENT_SCHEMAS,
};

const envelopeSchema = z.object({
  caseId: z.string().min(1),
  version: z.number().int().min(1),
  type: z.enum(Object.keys(eventDataSchemas) as [CaseEventType, ...CaseEventType[]]),
  at: time,
  actor: z.string().min(1),
  role: z.string().min(1),
  roleNode: z.string(),
  data: z.object({}).passthrough(),
});

/**
 * Checks one parsed value as a case event: the envelope, then the data of its type.
 * Returns the issues (empty if valid).
 *
 * @example
 * ```ts
 * checkEvent({ caseId: 'c1', version: 1, type: 'closed', at: 0, actor: 'u', role: 'r', roleNode: 'n', data: {} }); // []
 * ```
 */
export function checkEvent(value: unknown): JcIssue[] {
  const env = envelopeSchema.safeParse(value);
  if (!env.success) return zodIssues(env.error.issues, value).map((p) => ({ ...p, code: 'E_BAD_EVENT' }));
  const data = eventDataSchemas[env.data.type].safeParse(env.data.data);
  if (!data.success) return zodIssues(data.error.issues, env.data.data).map((p) => ({ ...p, code: 'E_BAD_EVENT', column: `data.${p.column}` }));
  return [];
}

/**
 * Writes events as JSON Lines (one event per line, each line ends with `\n`).
 *
 * @example
 * ```ts
 * const text = exportEventLog(store.events());
 * ```
 */
export function exportEventLog(events: Iterable<AnyCaseEvent>): string {
  let out = '';
  for (const e of events) out += `${JSON.stringify(e)}\n`;
  return out;
}

/**
 * Reads one line of a JSON Lines event log (its 1-based number is `line`): a blank line gives
 * no event and no issue; a line that is not JSON or (with `validate`, the default) not a
 * valid event gives its issues with `row` = the line; with `only`, an event of another case
 * is skipped without being checked.
 *
 * @example
 * ```ts
 * const { event, issues } = readEventLine('{"caseId":"c-1", …}', 12);
 * if (event) store.apply(event); else issues.forEach((p) => console.log(formatIssue(p, 'en')));
 * ```
 */
export function readEventLine(raw: string, line: number, opts: { validate?: boolean; only?: string } = {}): { event: AnyCaseEvent | null; issues: JcIssue[] } {
  const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (text.trim() === '') return { event: null, issues: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { event: null, issues: [caseIssue('E_BAD_JSON', (err as Error).message, undefined, line)] };
  }
  if (opts.only !== undefined && (value as { caseId?: unknown } | null)?.caseId !== opts.only) return { event: null, issues: [] };
  if (opts.validate !== false) {
    const problems = checkEvent(value);
    if (problems.length) return { event: null, issues: problems.map((p) => ({ ...p, row: line })) };
  }
  return { event: value as AnyCaseEvent, issues: [] };
}

/**
 * Reads JSON Lines into events. Blank lines are ignored; a line that is not JSON, not a
 * valid event, or not the next version of its case is skipped and reported with its
 * 1-based line number in `row`. Valid lines come back exactly as written.
 *
 * @example
 * ```ts
 * const { events, issues } = importEventLog(text);
 * issues.forEach((p) => console.log(formatIssue(p, 'en'))); // '12 E_EVENT_ORDER: …'
 * ```
 */
export function importEventLog(text: string, opts: { validate?: boolean } = {}): { events: AnyCaseEvent[]; issues: JcIssue[] } {
  const events: AnyCaseEvent[] = [];
  const issues: JcIssue[] = [];
  const versions = new Map<string, number>();
  const validate = opts.validate !== false;
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const raw = text.slice(start, end);
    start = end + 1;
    const read = readEventLine(raw, line, { validate });
    if (read.issues.length) issues.push(...read.issues);
    if (!read.event) continue;
    const e = read.event;
    const expected = (versions.get(e.caseId) ?? 0) + 1;
    if (e.version !== expected || (expected === 1) !== (e.type === 'discovered')) {
      issues.push(caseIssue('E_EVENT_ORDER', `${e.caseId} v${e.version} ${e.type}, expected v${expected}`, 'version', line));
      continue;
    }
    versions.set(e.caseId, expected);
    events.push(e);
  }
  return { events, issues };
}
