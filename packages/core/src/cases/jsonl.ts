/**
 * The event log as JSON Lines: one event per line, lossless both ways, with every invalid
 * line reported (line number, code, zh/en) and skipped.
 * @module
 */
import { checkIterableArg } from './args.js';
import { z } from 'zod';
import type { JcIssue } from '../errors/errors.js';
import { CASE_SOURCES } from './facts.js';
import { URGENCIES } from './categories.js';
import type { AnyCaseEvent, CaseEventData, CaseEventType } from './events.js';
import { attachmentSchema, isCleanText, zodIssues } from './commands.js';
import { caseIssue, type CaseCode } from './messages.js';
import { firstEventProblem, applyCase, initialState, type CaseState, type FoldRules } from './state.js';
import { isChainTrailer } from './chain.js';
import { TIME_LIMIT_UNITS } from '../calendar/calendar.js';
import { ENFORCEMENT_EVENT_SCHEMAS } from './enforcement-events.js';
import { jsonOf } from '../errors/args.js';
import { quickCheck, type QuickCheck } from './quick-check.js';

const CONTROL_TEXT = { params: { jc: 'control' } };
/** A text of a logged event: within the command's limit, no control characters (checked, never changed). */
const logText = (max: number, multiline = true) => z.string().max(max).refine((v) => isCleanText(v, multiline), CONTROL_TEXT);
const str = logText(2000);
const opt = logText(2000).optional();
const name = (max: number) => logText(max, false);
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
  discovered: z.object({ node: name(40), source: z.enum(CASE_SOURCES), description: str, reporter: name(200).optional(), patrolId: name(100).optional(), attachments: atts }),
  registered: z.object({
    category: name(100), urgency: z.enum(URGENCIES), description: str, address: name(500).optional(), lng: z.number().optional(), lat: z.number().optional(),
    parties: z.array(name(200)).max(50).optional(), attachments: atts, dispatchDueAt: time, estimated,
  }),
  rejected: z.object({ reason: str }),
  duplicateLinked: z.object({ of: name(100), note: opt }),
  dispatched: z.object({ node: name(40), department: name(100).optional(), person: name(100).optional(), dueAt: time, estimated, note: opt }),
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
  escalated: z.object({ node: name(40), dueAt: time, estimated, reason: str }),
  handled: z.object({ result: str, attachments: atts }),
  verified: z.object({ passed: z.boolean(), note: str, attachments: atts }),
  feedbackGiven: z.object({ channel: z.enum(['phone', 'sms', 'visit', 'app', 'letter']), note: str }),
  followedUp: z.object({ satisfaction: z.number().int().min(1).max(5), recurred: z.boolean(), note: opt }),
  closed: z.object({ note: opt }),
  reopened: z.object({ reason: str, dueAt: time, estimated }),
  supervised: z.object({ note: str, dueAt: time.optional(), estimated }),
  accountabilityRecorded: z.object({ person: name(200), measure: name(200), reason: str }),
  ...ENFORCEMENT_EVENT_SCHEMAS,
};

const envelopeSchema = z.object({
  caseId: name(100).min(1),
  version: z.number().int().min(1),
  type: z.enum(Object.keys(eventDataSchemas) as [CaseEventType, ...CaseEventType[]]),
  at: time,
  actor: name(200).min(1),
  role: name(100).min(1),
  roleNode: name(40),
  data: z.object({}).passthrough(),
  /** The hash chain (see `ChainWriter`): SHA-256 of the case's previous line. */
  prev: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});

const quickEnvelope: QuickCheck = quickCheck(envelopeSchema) ?? (() => false);
const quickData: Partial<Record<string, QuickCheck>> = Object.fromEntries(Object.entries(eventDataSchemas).map(([t, s]) => [t, quickCheck(s)]));

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
  // The quick yes, compiled from the same schemas: only a line it cannot vouch for costs a zod run.
  if (quickEnvelope(value)) {
    const quick = quickData[(value as { type: CaseEventType }).type];
    if (quick !== undefined && quick((value as { data: unknown }).data)) return [];
  }
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
  checkIterableArg(events, 'events');
  let out = '';
  for (const e of events) out += `${jsonOf('exportEventLog', 'events', e)}\n`;
  return out;
}

/**
 * Reads one line of a JSON Lines event log (its 1-based number is `line`): a blank line gives
 * no event and no issue; a line that is not JSON or (with `validate`, the default) not a
 * valid event gives its issues with `row` = the line (and `caseId`, when the line names one);
 * with `only`, an event of another case is skipped without being checked.
 *
 * @example
 * ```ts
 * const { event, issues } = readEventLine('{"caseId":"c-1", …}', 12);
 * if (event) store.apply(event); else issues.forEach((p) => console.log(formatIssue(p, 'en')));
 * ```
 */
export function readEventLine(raw: string, line: number, opts: { validate?: boolean; only?: string } = {}): { event: AnyCaseEvent | null; issues: JcIssue[]; caseId?: string } {
  if (typeof raw !== 'string') return { event: null, issues: [caseIssue('E_INVALID_INPUT', 'raw: string', 'raw')] };
  if (!(Number.isInteger(line) && line >= 1)) return { event: null, issues: [caseIssue('E_INVALID_INPUT', 'line: a positive integer', 'line')] };
  if (opts === null || typeof opts !== 'object') return { event: null, issues: [caseIssue('E_INVALID_INPUT', 'opts', 'opts')] };
  const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (text.trim() === '' || isChainTrailer(text)) return { event: null, issues: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    // A line cut short still names its case when it starts as the project writes events.
    const id = /^\s*\{"caseId":"([^"\\]{1,100})"/.exec(text)?.[1];
    return { event: null, issues: [caseIssue('E_BAD_JSON', (err as Error).message, undefined, line)], ...(id === undefined ? {} : { caseId: id }) };
  }
  if (opts.only !== undefined && (value as { caseId?: unknown } | null)?.caseId !== opts.only) return { event: null, issues: [] };
  if (opts.validate !== false) {
    const problems = checkEvent(value);
    if (problems.length) {
      const id = (value as { caseId?: unknown } | null)?.caseId;
      return { event: null, issues: problems.map((p) => ({ ...p, row: line })), ...(typeof id === 'string' ? { caseId: id } : {}) };
    }
  }
  return { event: value as AnyCaseEvent, issues: [] };
}

/**
 * What {@link importEventLog} read.
 *
 * @example
 * ```ts
 * const r: EventLogImport = { events: [], issues: [], broken: [] };
 * ```
 */
export interface EventLogImport {
  /** The events of the cases whose every line held, exactly as written. */
  events: AnyCaseEvent[];
  /** Every refused line: `row` is its 1-based line number. */
  issues: JcIssue[];
  /** Ids of the cases left out because one of their lines was refused. */
  broken: string[];
}

/**
 * Reads JSON Lines into events and checks every case as the folds do: each line must be JSON
 * (`E_BAD_JSON`), a valid event whose texts keep the commands' limits (`E_BAD_EVENT`), the next
 * version of its case (`E_EVENT_ORDER`), and follow on it as the transition table and the
 * loop's invariants allow — no close without a passed verification and a follow-up
 * (`E_NOT_VERIFIED`, `E_NO_FOLLOWUP`), the separation of duties (`E_SELF_VERIFY`,
 * `E_HANDLING_BODY_VERIFY`, `E_HANDLER_FOLLOWUP`, `E_HANDLER_CLOSE` …), time never running
 * backwards (`E_TIME_BACKWARDS`) and, with `rules.hierarchy` / `rules.categories`, nodes and
 * categories that exist. A refused line is reported with its line number in `row`; its case is
 * left out entirely (its later lines: `E_CASE_BROKEN`). A chain trailer line is skipped.
 *
 * @example
 * ```ts
 * const { events, issues, broken } = importEventLog(text, { rules: { hierarchy, categories } });
 * issues.forEach((p) => console.log(formatIssue(p, 'en'))); // '12 E_SELF_VERIFY: …'
 * ```
 */
export function importEventLog(text: string, opts: { validate?: boolean; rules?: FoldRules } = {}): EventLogImport {
  if (typeof text !== 'string') return { events: [], issues: [caseIssue('E_INVALID_INPUT', 'text', 'text')], broken: [] };
  const o = opts === null || typeof opts !== 'object' ? {} : opts;
  const rules = o.rules ?? {};
  const events: AnyCaseEvent[] = [];
  const issues: JcIssue[] = [];
  const states = new Map<string, CaseState>();
  const broken = new Set<string>();
  const validate = o.validate !== false;
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
    // An unreadable line of a case leaves the whole case out.
    if (read.caseId !== undefined) broken.add(read.caseId);
    if (!read.event) continue;
    const e = read.event;
    if (broken.has(e.caseId)) {
      issues.push(caseIssue('E_CASE_BROKEN', `${e.caseId} v${e.version} ${e.type}`, undefined, line));
      continue;
    }
    const s = states.get(e.caseId);
    let code: CaseCode | null;
    if (s === undefined) code = e.version === 1 ? firstEventProblem(e, rules) : 'E_EVENT_ORDER';
    else code = applyCase(s, e, rules);
    if (code !== null) {
      const where = s === undefined ? `${e.caseId} v${e.version} ${e.type}` : `${e.caseId} v${e.version} ${e.type} (${s.status})`;
      issues.push(caseIssue(code, code === 'E_EVENT_ORDER' ? `${where}, expected v${(s?.version ?? 0) + 1}` : where, code === 'E_EVENT_ORDER' ? 'version' : undefined, line));
      // A case's file with a refused line is not a record: leave the whole case out.
      if (s !== undefined || code !== 'E_EVENT_ORDER') broken.add(e.caseId);
      continue;
    }
    if (s === undefined) states.set(e.caseId, initialState(e as AnyCaseEvent & { type: 'discovered' }));
    events.push(e);
  }
  return { events: broken.size ? events.filter((e) => !broken.has(e.caseId)) : events, issues, broken: [...broken] };
}
