/**
 * Commands → events: each command is validated (zod), then checked — version, state, role
 * (the policy table), scope (the actor's subtree), separation of duties and the
 * command's own rules — and yields events, or a refusal that changes nothing. Pure: the
 * clock and the id generator are injected.
 * @module
 */
import { badArgument, checkActorArg, checkStateArg, isObj } from './args.js';
import { CASE_STATUSES } from './facts.js';
import { checkSeparationPolicy } from './separation.js';
import { fail, ok, type Result } from '../errors/errors.js';
import type { HierarchyIndex } from '../hierarchy/contract.js';
import type { Actor, RoleGrant } from './actor.js';
import { can, type CasePolicy, type CaseCommandType } from './policy.js';
import type { CaseSource } from './facts.js';
import { isEmpowered, type CategoryTable, type EmpoweredCatalogue } from './categories.js';
import type { TimeLimit } from '../calendar/calendar.js';
import type { WorkingCalendar } from '../calendar/calendar.js';
import { dueAfter, resumedDue, type Deadline } from '../calendar/calendar.js';
import { validateCommand, type CaseCommand } from './commands.js';
import type { AnyCaseEvent, CaseEventData, CaseEventType } from './events.js';
import { TERMINAL_STATUSES, type CaseState } from './state.js';
import { commandAllowedIn } from './transitions.js';
import { DEFAULT_SEPARATION, dutyProblem, type Duty, type SeparationPolicy } from './separation.js';
import { caseIssue, type CaseCode } from './messages.js';
import { rulesInstant, type CaseRules } from './rules.js';

/**
 * Everything a command is checked against, injected by the host.
 *
 * @example
 * ```ts
 * const ctx: CaseContext = {
 *   hierarchy, categories, calendar, policy: DEFAULT_CASE_POLICY, catalogue,
 *   clock: () => Date.now(), newId: () => crypto.randomUUID(),
 * };
 * ```
 */
export interface CaseContext {
  hierarchy: HierarchyIndex;
  categories: CategoryTable;
  calendar: WorkingCalendar;
  policy: CasePolicy;
  catalogue: EmpoweredCatalogue;
  /** Current time, epoch ms. */
  clock: () => number;
  /** A new unique case id. */
  newId: () => string;
  /** The level id whose nodes need the empowered catalogue for enforcement categories. Default `'town'`. */
  empoweredLevel?: string;
  /**
   * Which categories need the town's catalogue: `'enforcement'` (default) only those marked
   * `enforcement`, `'all'` every category.
   */
  empoweredScope?: 'enforcement' | 'all';
  /** Time limit to dispatch after registration. Default 1 working hour. */
  dispatchWithin?: TimeLimit;
  /** Sources with a reporter who must get feedback before closing. Default citizen and hotline. */
  feedbackSources?: readonly CaseSource[];
  /**
   * The rules of the lists in force by time (`listRules`): when given, they decide
   * empowerment and the handling/closing levels instead of `catalogue` and the category's
   * own levels; a case keeps the rules of its first dispatch.
   */
  rules?: CaseRules;
  /** Who may verify, follow up and close relative to who handled. Default {@link DEFAULT_SEPARATION}. */
  separation?: SeparationPolicy;
}

/**
 * A role grant that may name a department (for cases dispatched to a department).
 *
 * @example
 * ```ts
 * const g: DepartmentGrant = { role: 'department-officer', node: '350302000000', department: '住建局' };
 * ```
 */
export type DepartmentGrant = RoleGrant & { department?: string };

type Scope = 'case' | 'handler' | 'approver';
/**
 * A command that acts on an existing case (every command but `recordPatrol` and `discover`).
 *
 * @example
 * ```ts
 * const a: CaseAction = 'verify';
 * ```
 */
export type CaseAction = Exclude<CaseCommandType, 'recordPatrol' | 'discover'>;


/**
 * The scope each command's actor needs. Which statuses allow it comes from the transition
 * table ({@link commandAllowedIn}), never from here.
 */
const RULES: Record<CaseAction, { scope: Scope }> = {
  register: { scope: 'case' },
  reject: { scope: 'case' },
  linkDuplicate: { scope: 'case' },
  dispatch: { scope: 'case' },
  accept: { scope: 'handler' },
  return: { scope: 'handler' },
  reportProgress: { scope: 'handler' },
  requestExtension: { scope: 'handler' },
  decideExtension: { scope: 'approver' },
  requestSuspension: { scope: 'handler' },
  decideSuspension: { scope: 'approver' },
  resume: { scope: 'approver' },
  escalate: { scope: 'handler' },
  reportHandled: { scope: 'handler' },
  verify: { scope: 'case' },
  giveFeedback: { scope: 'case' },
  followUp: { scope: 'case' },
  close: { scope: 'case' },
  reopen: { scope: 'case' },
  supervise: { scope: 'case' },
  recordAccountability: { scope: 'case' },
};
const DUTY: Partial<Record<CaseAction, Duty>> = { verify: 'verify', followUp: 'followUp', close: 'close' };

/**
 * The commands that act on an existing case, in the order of the loop.
 *
 * @example
 * ```ts
 * CASE_ACTIONS[0]; // 'register'
 * ```
 */
export const CASE_ACTIONS: readonly CaseAction[] = Object.freeze(Object.keys(RULES) as CaseAction[]);

interface Chosen {
  grant: DepartmentGrant;
  pos: number;
}

const RANK: Partial<Record<CaseCode, number>> = { E_UNKNOWN_NODE: 0, E_NOT_PERMITTED: 1, E_OUT_OF_SCOPE: 2, E_NOT_HANDLER: 3 };

/** The first grant of the actor that the policy, the scope and `extra` accept; else the most telling refusal. */
function pickGrant(
  actor: Actor, command: CaseCommandType, ctx: CaseContext, inScope: (g: DepartmentGrant, pos: number) => CaseCode | null,
  extra?: (g: DepartmentGrant, pos: number) => CaseCode | null,
): Result<Chosen> {
  const h = ctx.hierarchy;
  let best: CaseCode = 'E_NOT_PERMITTED';
  let bestRank = -1;
  const note = (c: CaseCode) => {
    const r = RANK[c] ?? 4;
    if (r > bestRank) [best, bestRank] = [c, r];
  };
  for (const g of actor.roles as DepartmentGrant[]) {
    const pos = h.indexOf(g.node);
    if (pos < 0) { note('E_UNKNOWN_NODE'); continue; }
    if (!can(ctx.policy, g.role, command, h.config.levels[h.levelOf[pos]].id)) { note('E_NOT_PERMITTED'); continue; }
    const s = inScope(g, pos);
    if (s) { note(s); continue; }
    const x = extra?.(g, pos);
    if (x) { note(x); continue; }
    return ok({ grant: g, pos });
  }
  return fail([caseIssue(bestRank < 0 ? 'E_NOT_PERMITTED' : best, actor.id)]);
}

function scopeFor(scope: Scope, s: CaseState, actor: Actor, ctx: CaseContext): (g: DepartmentGrant, pos: number) => CaseCode | null {
  const h = ctx.hierarchy;
  const casePos = h.indexOf(s.node);
  const handlerPos = s.handler === null ? -1 : h.indexOf(s.handler);
  if (scope === 'case') return (_g, pos) => (casePos >= 0 && h.isAncestor(pos, casePos) ? null : 'E_OUT_OF_SCOPE');
  if (scope === 'approver') return (_g, pos) => (handlerPos >= 0 && h.isAncestor(pos, handlerPos) ? null : 'E_OUT_OF_SCOPE');
  return (g, pos) => {
    if (casePos < 0 || !h.isAncestor(pos, casePos)) return 'E_OUT_OF_SCOPE';
    if (handlerPos < 0 || !h.isAncestor(handlerPos, pos)) return 'E_NOT_HANDLER';
    if (s.person !== null && s.person !== actor.id) return 'E_NOT_HANDLER';
    if (s.department !== null && g.department !== s.department) return 'E_NOT_HANDLER';
    return null;
  };
}

/** Can the node at `target` handle this case's category (level and empowerment)? */
function targetProblem(target: number, s: CaseState, ctx: CaseContext): CaseCode | null {
  const h = ctx.hierarchy;
  const cat = s.category === null ? undefined : ctx.categories.get(s.category);
  if (!cat) return 'E_UNKNOWN_CATEGORY';
  const at = ctx.rules ? rulesInstant(s, ctx.clock) : NaN;
  const handleLevel = ctx.rules?.handleLevel(cat.id, at) ?? cat.handleLevel;
  const lowest = handleLevel === undefined ? -1 : h.config.levels.findIndex((l) => l.id === handleLevel);
  if (lowest >= 0 && h.levelOf[target] > lowest) return 'E_BELOW_HANDLING_LEVEL';
  const levelId = h.config.levels[h.levelOf[target]].id;
  const needsCatalogue = cat.enforcement || ctx.empoweredScope === 'all';
  const empowered = () => (ctx.rules ? ctx.rules.empowered(h.code(target), cat.id, at) : isEmpowered(ctx.catalogue, ctx.categories, h.code(target), cat.id));
  if (needsCatalogue && levelId === (ctx.empoweredLevel ?? 'town') && !empowered()) {
    return 'E_NOT_EMPOWERED';
  }
  return null;
}

function limitOf(s: CaseState, ctx: CaseContext): TimeLimit | undefined {
  const cat = s.category === null ? undefined : ctx.categories.get(s.category);
  return cat && s.urgency ? cat.limits[s.urgency] : undefined;
}

/**
 * Checks everything about running `command` on case `s` by `actor` that does not depend on
 * the command's payload: state, role, scope, separation of duties, closing level, the
 * escalation target. Gives the grant the actor acts under.
 */
function precheck(s: CaseState, command: CaseAction, actor: Actor, ctx: CaseContext): Result<Chosen> {
  const rule = RULES[command];
  const terminal = TERMINAL_STATUSES.has(s.status);
  if (command === 'close') {
    if (terminal || s.status === 'discovered' || s.status === 'suspended') return fail([caseIssue('E_WRONG_STATE', s.status)]);
    if (!s.verified) return fail([caseIssue('E_NOT_VERIFIED')]);
    if (!s.followedUp) return fail([caseIssue('E_NO_FOLLOWUP')]);
    if (!s.feedback && (ctx.feedbackSources ?? ['citizen', 'hotline']).includes(s.source)) return fail([caseIssue('E_NO_FEEDBACK')]);
  }
  if (!commandAllowedIn(command, s.status)) return fail([caseIssue('E_WRONG_STATE', s.status)]);
  if ((command === 'requestExtension' || command === 'requestSuspension') && s.pending !== null) return fail([caseIssue('E_PENDING_REQUEST', s.pending)]);
  if (command === 'decideExtension' && s.pending !== 'extension') return fail([caseIssue('E_NO_REQUEST')]);
  if (command === 'decideSuspension' && s.pending !== 'suspension') return fail([caseIssue('E_NO_REQUEST')]);
  if (command === 'giveFeedback' && s.feedback) return fail([caseIssue('E_WRONG_STATE', 'feedback given')]);
  if (command === 'escalate') {
    const h = ctx.hierarchy;
    const handlerPos = s.handler === null ? -1 : h.indexOf(s.handler);
    const up = handlerPos < 0 ? -1 : h.parents[handlerPos];
    if (up < 0) return fail([caseIssue('E_NO_HIGHER_LEVEL')]);
    const p = targetProblem(up, s, ctx);
    if (p) return fail([caseIssue(p, h.code(up))]);
  }
  let extra: ((g: DepartmentGrant, pos: number) => CaseCode | null) | undefined;
  const duty = DUTY[command];
  if (duty) {
    // Separation of duties: the grant acted under must lie outside what the policy forbids.
    const sep = ctx.separation ?? DEFAULT_SEPARATION;
    extra = (g) => dutyProblem(sep, duty, actor.id, g.node, s.handledBy, s.handler, s.handledNode, ctx.hierarchy);
  }
  if (command === 'close') {
    const levels = s.category === null ? undefined : (ctx.rules?.closeLevels(s.category, rulesInstant(s, ctx.clock)) ?? ctx.categories.get(s.category)?.closeLevels);
    const sod = extra;
    if (levels) extra = (g, pos) => sod?.(g, pos) ?? (levels.includes(ctx.hierarchy.config.levels[ctx.hierarchy.levelOf[pos]].id) ? null : 'E_CLOSE_LEVEL');
  }
  const chosen = pickGrant(actor, command, ctx, scopeFor(rule.scope, s, actor, ctx), extra);
  if (!chosen.ok) return chosen;
  if ((command === 'decideExtension' || command === 'decideSuspension') && actor.id === s.requestedBy) return fail([caseIssue('E_SELF_APPROVE')]);
  return chosen;
}

/**
 * The commands `actor` may run on case `s` now (the form shows only these). Payload rules
 * (a dispatch target, a verdict) are checked when the command runs.
 *
 * @example
 * ```ts
 * availableActions(store.get('c-1')!, actor, ctx); // e.g. ['accept', 'return', 'escalate']
 * ```
 */
export function availableActions(s: CaseState, actor: Actor, ctx: CaseContext): CaseAction[] {
  checkStateArg(s);
  checkActorArg(actor);
  const bad = contextProblem(ctx);
  if (bad) throw badArgument('ctx', '案件上下文（CaseContext）', `a case context (CaseContext): ${bad}`);
  if (!Object.hasOwn(STATUS_SET, s.status)) throw badArgument('state', '案件状态（CaseState）', 'a case state (CaseState)');
  return CASE_ACTIONS.filter((c) => precheck(s, c, actor, ctx).ok);
}

const STATUS_SET: Record<string, true> = Object.fromEntries(CASE_STATUSES.map((x) => [x, true]));

/** What is wrong with a context, or null. */
function contextProblem(ctx: unknown): string | null {
  if (!isObj(ctx)) return 'not an object';
  const c = ctx;
  const h = c.hierarchy as Record<string, unknown> | undefined;
  if (!isObj(h) || typeof h.indexOf !== 'function' || typeof h.code !== 'function' || !isObj(h.config)) return 'hierarchy';
  const t = c.categories as Record<string, unknown> | undefined;
  if (!isObj(t) || typeof t.get !== 'function' || typeof t.indexOf !== 'function') return 'categories';
  if (!isObj(c.calendar)) return 'calendar';
  if (!isObj(c.policy) || !Array.isArray((c.policy as { rules?: unknown }).rules)) return 'policy';
  if (!(c.catalogue instanceof Map)) return 'catalogue';
  if (typeof c.clock !== 'function') return 'clock';
  if (typeof c.newId !== 'function') return 'newId';
  if (c.separation !== undefined) {
    try {
      checkSeparationPolicy(c.separation);
    } catch {
      return 'separation';
    }
  }
  if (c.feedbackSources !== undefined && !Array.isArray(c.feedbackSources)) return 'feedbackSources';
  return null;
}

/** The refusal for wrong arguments of `decideCase`, or null. */
function argsProblem(actor: unknown, lookup: unknown, ctx: unknown): Result<never> | null {
  const a = actor as Record<string, unknown> | null;
  if (!isObj(a) || typeof a.id !== 'string' || !Array.isArray(a.roles) || !a.roles.every((g) => isObj(g) && typeof g.role === 'string' && typeof g.node === 'string')) {
    return fail([caseIssue('E_INVALID_INPUT', 'actor: { id, roles: [{ role, node }] }', 'actor')]);
  }
  if (typeof lookup !== 'function') return fail([caseIssue('E_INVALID_INPUT', 'lookup: (caseId) => CaseState | undefined', 'lookup')]);
  const bad = contextProblem(ctx);
  return bad ? fail([caseIssue('E_INVALID_INPUT', `ctx.${bad}`, 'ctx')]) : null;
}

/** Freezes an event, its data and any arrays/objects inside the data: events are immutable. */
function freezeEvent(e: AnyCaseEvent): AnyCaseEvent {
  const d = e.data as Record<string, unknown>;
  for (const k in d) {
    const v = d[k];
    if (v !== null && typeof v === 'object') {
      if (Array.isArray(v)) for (const x of v) if (x !== null && typeof x === 'object') Object.freeze(x);
      Object.freeze(v);
    }
  }
  Object.freeze(d);
  return Object.freeze(e);
}

function event<T extends CaseEventType>(
  type: T, caseId: string, version: number, at: number, actor: Actor, g: RoleGrant, data: CaseEventData[T],
): AnyCaseEvent {
  return freezeEvent({ caseId, version, type, at, actor: actor.id, role: g.role, roleNode: g.node, data } as AnyCaseEvent);
}

/** A copy without `undefined` fields, so events stay plain, comparable JSON (no `delete`, which slows objects down). */
function clean<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out as T;
}

/** The `estimated` mark an event carries when its deadline was computed with the weekday fallback. */
function estimatedMark(d: Deadline): { estimated?: true } {
  return d.estimated ? { estimated: true } : {};
}

/**
 * Decides a command: validates the input, checks it against the case (looked up by id) and
 * the context, and gives the events to append — or the reasons it is refused. Never
 * changes anything itself.
 *
 * @example
 * ```ts
 * const r = decideCase({ type: 'accept', caseId: 'c-1', expectedVersion: 3 }, actor, (id) => store.get(id), ctx);
 * if (r.ok) r.value.forEach((e) => store.apply(e));
 * else console.log(r.errors[0].code); // e.g. 'E_STALE_VERSION'
 * ```
 */
export function decideCase(input: unknown, actor: Actor, lookup: (caseId: string) => CaseState | undefined, ctx: CaseContext): Result<AnyCaseEvent[]> {
  const args = argsProblem(actor, lookup, ctx);
  if (args) return args;
  const v = validateCommand(input);
  return v.ok ? decideCaseTyped(v.value, actor, lookup, ctx) : v;
}

/**
 * {@link decideCase} for a command the program built itself and typed as {@link CaseCommand}
 * (a generator, an import): skips the zod parse, keeps every rule check — version, state,
 * role, scope, separation of duties, levels, deadlines.
 *
 * @example
 * ```ts
 * const r = decideCaseTyped({ type: 'close', caseId: 'c-1', expectedVersion: 8 }, actor, (id) => store.get(id), ctx);
 * ```
 */
export function decideCaseTyped(cmd: CaseCommand, actor: Actor, lookup: (caseId: string) => CaseState | undefined, ctx: CaseContext): Result<AnyCaseEvent[]> {
  const args = argsProblem(actor, lookup, ctx);
  if (args) return args;
  if (!isObj(cmd) || typeof cmd.type !== 'string') return fail([caseIssue('E_INVALID_INPUT', 'cmd', 'type')]);
  const h = ctx.hierarchy;
  if (cmd.type === 'recordPatrol') return fail([caseIssue('E_UNKNOWN_COMMAND', 'recordPatrol: use recordPatrol()')]);
  if (cmd.type === 'discover') {
    const pos = h.indexOf(cmd.node);
    if (pos < 0) return fail([caseIssue('E_UNKNOWN_NODE', cmd.node, 'node')]);
    const chosen = pickGrant(actor, 'discover', ctx, (_g, gp) => (h.isAncestor(gp, pos) ? null : 'E_OUT_OF_SCOPE'));
    if (!chosen.ok) return chosen;
    const id = ctx.newId();
    if (lookup(id)) return fail([caseIssue('E_CASE_EXISTS', id)]);
    const { type: _t, ...data } = cmd;
    return ok([event('discovered', id, 1, ctx.clock(), actor, chosen.value.grant, clean(data))]);
  }
  const s = lookup(cmd.caseId);
  if (!s) return fail([caseIssue('E_NO_CASE', cmd.caseId, 'caseId')]);
  if (cmd.expectedVersion !== s.version) return fail([caseIssue('E_STALE_VERSION', `${cmd.expectedVersion} ≠ ${s.version}`, 'expectedVersion')]);
  const pre = precheck(s, cmd.type, actor, ctx);
  if (!pre.ok) return pre;
  let g = pre.value.grant;
  const clock = ctx.clock();
  if (typeof clock !== 'number' || !Number.isFinite(clock)) return fail([caseIssue('E_INVALID_INPUT', 'ctx.clock() must give a finite time', 'ctx')]);
  const now = Math.max(clock, s.lastAt);
  const next = s.version + 1;
  const one = <T extends CaseEventType>(type: T, data: CaseEventData[T]) => ok([event(type, s.id, next, now, actor, g, clean(data))]);
  switch (cmd.type) {
    case 'register': {
      const cat = ctx.categories.get(cmd.category);
      if (!cat) return fail([caseIssue('E_UNKNOWN_CATEGORY', cmd.category, 'category')]);
      if (!cat.limits[cmd.urgency]) return fail([caseIssue('E_NO_TIME_LIMIT', `${cmd.category}/${cmd.urgency}`, 'urgency')]);
      const due = dueAfter(ctx.calendar, now, ctx.dispatchWithin ?? { amount: 1, unit: 'workHours' });
      if (!due.ok) return due;
      const { type: _t, caseId: _c, expectedVersion: _v, ...rest } = cmd;
      return one('registered', { ...rest, dispatchDueAt: due.value.at, ...estimatedMark(due.value) });
    }
    case 'reject':
      return one('rejected', { reason: cmd.reason });
    case 'linkDuplicate': {
      if (cmd.of === s.id) return fail([caseIssue('E_SELF_DUPLICATE', cmd.of, 'of')]);
      if (!lookup(cmd.of)) return fail([caseIssue('E_NO_CASE', cmd.of, 'of')]);
      return one('duplicateLinked', { of: cmd.of, note: cmd.note });
    }
    case 'dispatch': {
      const target = h.indexOf(cmd.node);
      if (target < 0) return fail([caseIssue('E_UNKNOWN_NODE', cmd.node, 'node')]);
      if (!h.isAncestor(target, h.indexOf(s.node))) return fail([caseIssue('E_NOT_ON_PATH', cmd.node, 'node')]);
      const p = targetProblem(target, s, ctx);
      if (p) return fail([caseIssue(p, cmd.node, 'node')]);
      // The dispatcher must also reach the target body from one of its grants.
      const reach = pickGrant(actor, 'dispatch', ctx, (_g, gp) => (h.isAncestor(gp, target) && h.isAncestor(gp, h.indexOf(s.node)) ? null : 'E_OUT_OF_SCOPE'));
      if (!reach.ok) return fail(reach.errors.map((e) => ({ ...e, column: 'node' })));
      g = reach.value.grant;
      const limit = limitOf(s, ctx);
      if (!limit) return fail([caseIssue('E_NO_TIME_LIMIT', `${s.category}/${s.urgency}`)]);
      const due = dueAfter(ctx.calendar, now, limit);
      if (!due.ok) return due;
      return one('dispatched', { node: cmd.node, department: cmd.department, person: cmd.person, dueAt: due.value.at, ...estimatedMark(due.value), note: cmd.note });
    }
    case 'accept':
      return one('accepted', { note: cmd.note });
    case 'return':
      return one('returned', { reason: cmd.reason });
    case 'reportProgress':
      return one('progressReported', { note: cmd.note, attachments: cmd.attachments });
    case 'requestExtension':
      return one('extensionRequested', { limit: cmd.limit, reason: cmd.reason });
    case 'decideExtension': {
      if (!cmd.grant) return one('extensionDenied', { reason: cmd.reason });
      const due = dueAfter(ctx.calendar, s.dueAt, s.requestedLimit ?? { amount: 0, unit: 'workHours' });
      if (!due.ok) return due;
      return one('extensionGranted', { dueAt: due.value.at, ...estimatedMark(due.value), note: cmd.reason });
    }
    case 'requestSuspension':
      return one('suspensionRequested', { reason: cmd.reason });
    case 'decideSuspension':
      return cmd.grant ? one('suspensionGranted', { note: cmd.reason }) : one('suspensionDenied', { reason: cmd.reason });
    case 'resume': {
      // The clock stopped at suspension: the working time then left runs again from now.
      if (!(s.dueAt > s.suspendedAt)) return one('resumed', { dueAt: s.dueAt, note: cmd.note });
      const due = resumedDue(ctx.calendar, s.suspendedAt, s.dueAt, now);
      if (!due.ok) return due;
      return one('resumed', { dueAt: due.value.at, ...estimatedMark(due.value), note: cmd.note });
    }
    case 'escalate': {
      const up = h.parents[h.indexOf(s.handler!)];
      const limit = limitOf(s, ctx);
      if (!limit) return fail([caseIssue('E_NO_TIME_LIMIT', `${s.category}/${s.urgency}`)]);
      const due = dueAfter(ctx.calendar, now, limit);
      if (!due.ok) return due;
      return one('escalated', { node: h.code(up), dueAt: due.value.at, ...estimatedMark(due.value), reason: cmd.reason });
    }
    case 'reportHandled':
      return one('handled', { result: cmd.result, attachments: cmd.attachments });
    case 'verify':
      return one('verified', { passed: cmd.passed, note: cmd.note, attachments: cmd.attachments });
    case 'giveFeedback':
      return one('feedbackGiven', { channel: cmd.channel, note: cmd.note });
    case 'followUp':
      return one('followedUp', { satisfaction: cmd.satisfaction, recurred: cmd.recurred, note: cmd.note });
    case 'close':
      return one('closed', { note: cmd.note });
    case 'reopen': {
      const limit = limitOf(s, ctx);
      if (!limit) return fail([caseIssue('E_NO_TIME_LIMIT', `${s.category}/${s.urgency}`)]);
      const due = dueAfter(ctx.calendar, now, limit);
      if (!due.ok) return due;
      return one('reopened', { reason: cmd.reason, dueAt: due.value.at, ...estimatedMark(due.value) });
    }
    case 'supervise': {
      if (!cmd.limit) return one('supervised', { note: cmd.note });
      const due = dueAfter(ctx.calendar, now, cmd.limit);
      if (!due.ok) return due;
      return one('supervised', { note: cmd.note, dueAt: due.value.at, ...estimatedMark(due.value) });
    }
    case 'recordAccountability':
      return one('accountabilityRecorded', { person: cmd.person, measure: cmd.measure, reason: cmd.reason });
  }
}
