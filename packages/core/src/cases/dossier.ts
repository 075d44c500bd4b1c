/**
 * The case file 一件一档: a case's own ordered events rendered into a self-contained JSON
 * dossier and a view model for a timeline — the seven steps (done / current / pending),
 * every event with who, under which role, when, how long after the previous one, and
 * whether a deadline was met; supervision 督办 and accountability 问责 marked.
 * @module
 */
import { ENFORCEMENT_EVENT_TITLES } from './enforcement-events.js';
import { badArgument, isObj } from './args.js';
import { fail, ok, type LocalizedText, type Result } from '../errors/errors.js';
import type { HierarchyIndex } from '../hierarchy/contract.js';
import type { CategoryTable, Urgency } from './categories.js';
import type { CaseSource } from './facts.js';
import type { AnyCaseEvent, Attachment, CaseEventType } from './events.js';
import { applyCase, initialState, type CaseState } from './state.js';
import { formatLocal } from '../calendar/calendar.js';
import { CHINA_UTC_OFFSET_MINUTES } from '../calendar/time.js';
import type { PatrolRecord } from './patrol.js';
import { caseIssue } from './messages.js';

/** The seven steps of the loop, in order. @example `SEVEN_STEPS[3].name.zh; // '任务分派'` */
export const SEVEN_STEPS = Object.freeze([
  { id: 'patrol', name: { zh: '单元巡查', en: 'Unit patrol' } },
  { id: 'discovery', name: { zh: '源头发现', en: 'Source discovery' } },
  { id: 'collection', name: { zh: '信息采集', en: 'Information collection' } },
  { id: 'dispatch', name: { zh: '任务分派', en: 'Task dispatch' } },
  { id: 'handling', name: { zh: '问题处置', en: 'Problem handling' } },
  { id: 'verification', name: { zh: '核查反馈', en: 'Verification and feedback' } },
  { id: 'followup', name: { zh: '跟踪问效', en: 'Follow-up' } },
] as const);
/** A step id. @example `const s: StepId = 'verification';` */
export type StepId = (typeof SEVEN_STEPS)[number]['id'];

const STEP_OF: Record<CaseEventType, StepId | null> = {
  discovered: 'discovery', registered: 'collection', rejected: 'collection', duplicateLinked: 'collection',
  dispatched: 'dispatch', returned: 'dispatch', escalated: 'dispatch', reopened: 'dispatch',
  accepted: 'handling', progressReported: 'handling', extensionRequested: 'handling', extensionGranted: 'handling',
  extensionDenied: 'handling', suspensionRequested: 'handling', suspensionGranted: 'handling', suspensionDenied: 'handling',
  resumed: 'handling', handled: 'handling', verified: 'verification', feedbackGiven: 'verification',
  followedUp: 'followup', closed: 'followup', supervised: null, accountabilityRecorded: null,
  enforcementNotified: 'handling', enforcementVisited: 'handling', enforcementSettled: 'handling',
};

/**
 * The title of each event type in zh and en.
 *
 * @example
 * ```ts
 * EVENT_TITLES.closed.zh; // '办结'
 * ```
 */
export const EVENT_TITLES: Readonly<Record<CaseEventType, LocalizedText>> = Object.freeze({
  discovered: { zh: '发现上报', en: 'Reported' },
  registered: { zh: '立案', en: 'Registered' },
  rejected: { zh: '不予立案', en: 'Rejected' },
  duplicateLinked: { zh: '合并为重复案件', en: 'Linked as duplicate' },
  dispatched: { zh: '派遣', en: 'Dispatched' },
  accepted: { zh: '签收', en: 'Accepted' },
  returned: { zh: '退回', en: 'Returned as not ours' },
  progressReported: { zh: '进展', en: 'Progress' },
  extensionRequested: { zh: '申请延期', en: 'Extension requested' },
  extensionGranted: { zh: '同意延期', en: 'Extension granted' },
  extensionDenied: { zh: '不同意延期', en: 'Extension denied' },
  suspensionRequested: { zh: '申请挂账', en: 'Suspension requested' },
  suspensionGranted: { zh: '同意挂账', en: 'Suspension granted' },
  suspensionDenied: { zh: '不同意挂账', en: 'Suspension denied' },
  resumed: { zh: '恢复办理', en: 'Resumed' },
  escalated: { zh: '上报上级', en: 'Escalated' },
  handled: { zh: '处置完毕', en: 'Reported handled' },
  verified: { zh: '核查', en: 'Verified' },
  feedbackGiven: { zh: '反馈报告人', en: 'Feedback to reporter' },
  followedUp: { zh: '回访', en: 'Follow-up' },
  closed: { zh: '办结', en: 'Closed' },
  reopened: { zh: '重新办理', en: 'Reopened' },
  supervised: { zh: '督办', en: 'Supervised' },
  accountabilityRecorded: { zh: '问责', en: 'Accountability' },
  ...ENFORCEMENT_EVENT_TITLES,
});

/**
 * One step of the timeline header.
 *
 * @example
 * ```ts
 * const s: DossierStep = { id: 'dispatch', name: { zh: '任务分派', en: 'Task dispatch' }, status: 'done', at: 1741000000000 };
 * ```
 */
export interface DossierStep {
  id: StepId;
  name: LocalizedText;
  /** `skipped`: not part of this case (no patrol, or the case ended at collection). */
  status: 'done' | 'current' | 'pending' | 'skipped';
  /** When the step was last acted on, if it was. */
  at?: number;
}

/**
 * One row of the timeline.
 *
 * @example
 * ```ts
 * entry.title.zh; entry.atLocal; entry.sincePrevious.zh; entry.deadline?.met;
 * ```
 */
export interface DossierEntry {
  version: number;
  type: CaseEventType;
  title: LocalizedText;
  /** The step the event belongs to (supervision and accountability: the step the case was at). */
  step: StepId;
  actor: string;
  role: string;
  roleNode: string;
  /** Name of the role's node, if the hierarchy was given. */
  roleNodeName?: string;
  at: number;
  /** Local ISO time with offset, e.g. `2025-03-03T09:01:00+08:00`. */
  atLocal: string;
  /** Ms since the previous event (0 for the first). */
  sincePreviousMs: number;
  sincePrevious: LocalizedText;
  /**
   * The deadline this event answered, and whether it was met; `estimated` when that deadline
   * was computed with the calendar's weekday fallback (outside the calendar's years).
   */
  deadline?: { dueAt: number; dueLocal: string; met: boolean; estimated?: true };
  /** A new deadline this event set (dispatch, escalation, extension, resume, reopen, supervision). */
  sets?: { dueAt: number; dueLocal: string; estimated?: true };
  attachments: Attachment[];
  /** The free text of the event (reason, note, result, description). */
  note?: string;
  marks: ('supervision' | 'accountability' | 'rework' | 'recurrence')[];
}

/**
 * What was entered about the case when it was found and registered: urgency, source, place
 * and reporter — the registration's values where it gave them, else the finder's. The address,
 * coordinates and reporter are personal: `readDossier` masks them per reader.
 *
 * @example
 * ```ts
 * const i: DossierIntake = { source: 'patrol', urgency: 'critical', address: '荔城区镇海街道…', lng: 119.01, lat: 25.43 };
 * ```
 */
export interface DossierIntake {
  source: CaseSource;
  urgency?: Urgency;
  address?: string;
  lng?: number;
  lat?: number;
  reporter?: string;
}

/**
 * A self-contained case file: plain JSON (no `NaN`: missing times are `null`).
 *
 * @example
 * ```ts
 * const d = store.dossier('c-1');
 * if (d.ok) JSON.stringify(d.value);
 * ```
 */
export interface Dossier {
  format: 'jiceng.dossier';
  version: 1;
  caseId: string;
  node: { code: string; name?: string };
  category?: { id: string; name?: LocalizedText; topic?: string };
  status: CaseState['status'];
  steps: DossierStep[];
  entries: DossierEntry[];
  summary: {
    events: number; totalMs: number; deadlinesMissed: number; rework: number; escalations: number;
    extensions: number; supervisions: number; accountabilities: number; satisfaction: number | null;
  };
  /** What was entered when the case was found and registered. */
  intake?: DossierIntake;
  /** The patrol that found the case, if known. */
  patrol?: PatrolRecord;
  /** The raw events, so the file stands alone and can be replayed. */
  events: AnyCaseEvent[];
}

/** Options of {@link buildDossier}. @example `const o: DossierOptions = { hierarchy, categories, utcOffsetMinutes: 480 };` */
export interface DossierOptions {
  hierarchy?: HierarchyIndex;
  categories?: CategoryTable;
  /** Offset used for local times; default 480 (Asia/Shanghai). */
  utcOffsetMinutes?: number;
  /** Patrol records to find the one the case came from (`patrolId`). */
  patrols?: Iterable<PatrolRecord>;
}

/**
 * A duration in words, e.g. `{ zh: '1天2小时5分', en: '1d 2h 5m' }`.
 *
 * @example
 * ```ts
 * formatDuration(93_900_000).en; // '1d 2h 5m'
 * ```
 */
export function formatDuration(ms: number): LocalizedText {
  if (typeof ms !== 'number' || Number.isNaN(ms)) throw badArgument('ms', '毫秒数', 'a number of milliseconds');
  if (ms === Infinity) return { zh: '无限', en: '∞' };
  const m = Math.max(0, Math.round(ms / 60_000));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  if (m === 0) return { zh: '不足1分钟', en: '< 1m' };
  return {
    zh: `${d ? `${d}天` : ''}${h ? `${h}小时` : ''}${min ? `${min}分` : ''}`,
    en: [d ? `${d}d` : '', h ? `${h}h` : '', min ? `${min}m` : ''].filter(Boolean).join(' '),
  };
}

/** The intake fields from the discovery, then the registration (which overrides). */
function intakeOf(events: readonly AnyCaseEvent[]): DossierIntake {
  const found = events[0].data as Record<string, unknown>;
  const out: DossierIntake = { source: found.source as CaseSource };
  const take = (d: Record<string, unknown>) => {
    if (typeof d.urgency === 'string') out.urgency = d.urgency as Urgency;
    if (typeof d.address === 'string' && d.address) out.address = d.address;
    if (typeof d.lng === 'number' && typeof d.lat === 'number') { out.lng = d.lng; out.lat = d.lat; }
  };
  take(found);
  if (typeof found.reporter === 'string' && found.reporter) out.reporter = found.reporter;
  for (const e of events) if (e.type === 'registered') take(e.data);
  return out;
}

function noteOf(e: AnyCaseEvent): string | undefined {
  const d = e.data as Record<string, unknown>;
  for (const k of ['description', 'reason', 'result', 'note']) if (typeof d[k] === 'string') return d[k];
  return undefined;
}

/** The step a case in this status is at (its current step); 7 = all done. */
function currentStep(s: CaseState): number {
  switch (s.status) {
    case 'discovered': return 2;
    case 'registered': return 3;
    case 'dispatched': case 'handling': case 'suspended': return 4;
    case 'handled': return 5;
    case 'verified': case 'followup': return 6;
    default: return 7;
  }
}

/**
 * Builds the dossier of one case from its own events (in order).
 *
 * @example
 * ```ts
 * const d = buildDossier(store.events('c-1'), { hierarchy, categories });
 * if (d.ok) d.value.steps.map((s) => `${s.name.zh}:${s.status}`);
 * ```
 */
export function buildDossier(events: readonly AnyCaseEvent[], opts: DossierOptions = {}): Result<Dossier> {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- checks untyped callers; without it TS narrows the readonly array to any[] after the guard
  if (!Array.isArray(events as unknown)) return fail([caseIssue('E_INVALID_INPUT', 'events', 'events')]);
  if (opts === null || typeof opts !== 'object') return fail([caseIssue('E_INVALID_INPUT', 'opts', 'opts')]);
  const badAt = (events as readonly unknown[]).findIndex((x) => {
    const e = x as Record<string, unknown> | null;
    return e === null || typeof e !== 'object' || typeof e.caseId !== 'string' || typeof e.type !== 'string' || typeof e.version !== 'number'
      || typeof e.at !== 'number' || typeof e.actor !== 'string' || typeof e.roleNode !== 'string' || !isObj(e.data);
  });
  if (badAt >= 0) return fail([caseIssue('E_BAD_EVENT', `#${badAt + 1}`, undefined, badAt + 1)]);
  if (opts.utcOffsetMinutes !== undefined && !(Number.isInteger(opts.utcOffsetMinutes) && Math.abs(opts.utcOffsetMinutes) <= 14 * 60)) return fail([caseIssue('E_INVALID_INPUT', 'utcOffsetMinutes', 'utcOffsetMinutes')]);
  if (!events.length || events[0].type !== 'discovered') return fail([caseIssue('E_NO_CASE')]);
  const offset = { offset: (opts.utcOffsetMinutes ?? CHINA_UTC_OFFSET_MINUTES) * 60_000 };
  const local = (t: number) => formatLocal(offset, t);
  const h = opts.hierarchy;
  const nameOf = (code: string) => {
    const i = h ? h.indexOf(code) : -1;
    return i >= 0 && h ? h.name(i) : undefined;
  };
  const first = events[0];
  const s = initialState(first);
  const entries: DossierEntry[] = [];
  const stepAt = new Map<StepId, number>();
  let missed = 0;
  let prevAt = first.at;
  // Whether the dispatch deadline and the running deadline were estimated (see `estimated` in events).
  let dispatchEstimated = false;
  let dueEstimated = false;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.caseId !== first.caseId || e.version !== i + 1) return fail([caseIssue('E_EVENT_ORDER', `${e.caseId} v${e.version}`, 'version', i + 1)]);
    // The deadline this event answers, read before the event changes the state.
    let answered: number | undefined;
    if (e.type === 'dispatched' && s.dispatchedAt !== s.dispatchedAt) answered = s.dispatchDueAt;
    if (e.type === 'handled') answered = s.dueAt;
    const answeredEstimated = e.type === 'dispatched' ? dispatchEstimated : dueEstimated;
    const marks: DossierEntry['marks'] = [];
    if (e.type === 'supervised') marks.push('supervision');
    if (e.type === 'accountabilityRecorded') marks.push('accountability');
    if (e.type === 'verified' && !e.data.passed) marks.push('rework');
    if (e.type === 'followedUp' && e.data.recurred) marks.push('recurrence');
    const stepNow = STEP_OF[e.type] ?? SEVEN_STEPS[Math.min(currentStep(s), 6)].id;
    if (i > 0) applyCase(s, e);
    stepAt.set(stepNow, e.at);
    const entry: DossierEntry = {
      version: e.version, type: e.type, title: EVENT_TITLES[e.type], step: stepNow,
      actor: e.actor, role: e.role, roleNode: e.roleNode, at: e.at, atLocal: local(e.at),
      sincePreviousMs: e.at - prevAt, sincePrevious: formatDuration(e.at - prevAt),
      attachments: ((e.data as { attachments?: Attachment[] }).attachments ?? []).slice(),
      marks,
    };
    const nm = nameOf(e.roleNode);
    if (nm !== undefined) entry.roleNodeName = nm;
    const note = noteOf(e);
    if (note !== undefined) entry.note = note;
    if (answered !== undefined && answered === answered) {
      const met = e.at <= answered;
      if (!met) missed++;
      entry.deadline = { dueAt: answered, dueLocal: local(answered), met, ...(answeredEstimated ? { estimated: true as const } : {}) };
    }
    const { dueAt: sets, dispatchDueAt, estimated } = e.data as { dueAt?: number; dispatchDueAt?: number; estimated?: true };
    if (typeof dispatchDueAt === 'number') dispatchEstimated = estimated === true;
    if (typeof sets === 'number') {
      dueEstimated = estimated === true;
      entry.sets = { dueAt: sets, dueLocal: local(sets), ...(estimated ? { estimated: true as const } : {}) };
    }
    entries.push(entry);
    prevAt = e.at;
  }
  const cur = currentStep(s);
  const endedEarly = s.status === 'rejected' || s.status === 'duplicate' || s.status === 'void';
  const steps: DossierStep[] = SEVEN_STEPS.map((st, i) => {
    let status: DossierStep['status'];
    if (i === 0) status = s.source === 'patrol' ? 'done' : 'skipped';
    else if (endedEarly) status = i <= 2 ? 'done' : 'skipped';
    else status = i < cur ? 'done' : i === cur ? 'current' : 'pending';
    const out: DossierStep = { id: st.id, name: st.name, status };
    const at = stepAt.get(st.id);
    if (at !== undefined) out.at = at;
    return out;
  });
  const cat = s.category === null ? undefined : opts.categories?.get(s.category);
  let patrol: PatrolRecord | undefined;
  const pid = first.data.patrolId;
  if (pid && opts.patrols) for (const p of opts.patrols) if (p.id === pid) patrol = p;
  const d: Dossier = {
    format: 'jiceng.dossier', version: 1, caseId: first.caseId,
    node: nameOf(s.node) === undefined ? { code: s.node } : { code: s.node, name: nameOf(s.node) },
    status: s.status, steps, entries,
    summary: {
      events: events.length, totalMs: s.lastAt - s.reportedAt, deadlinesMissed: missed, rework: s.rework,
      escalations: s.escalations, extensions: s.extensions, supervisions: s.supervisions,
      accountabilities: s.accountabilities, satisfaction: s.satisfaction || null,
    },
    events: events.slice(),
  };
  if (s.category !== null) d.category = cat ? { id: cat.id, name: cat.name, topic: cat.topic } : { id: s.category };
  if (patrol) d.patrol = patrol;
  d.intake = intakeOf(events);
  return ok(d);
}
