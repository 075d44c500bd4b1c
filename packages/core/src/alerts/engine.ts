/**
 * The incremental rule evaluator: it reads the case event feed once, in time order, and
 * keeps per node sliding windows and counts in typed arrays keyed by the hierarchy's
 * pre-order index — never rescanning the history. Time-driven conditions (a deadline
 * coming near, a case becoming overdue, the end of a day) run off timer heaps as time
 * advances with the feed or with {@link AlertEngine.advance}.
 * @module
 */
import { JcError } from '../errors/errors.js';
import type { HierarchyIndex } from '../hierarchy/contract.js';
import type { CategoryTable } from '../cases/categories.js';
import type { WorkingCalendar } from '../calendar/calendar.js';
import type { AnyCaseEvent } from '../cases/events.js';
import { alertIssue } from './messages.js';
import { ruleCategoryMask, type AlertKind, type AlertRule, type AlertRuleOf, type AlertRuleSet, type AlertSeverity } from './rules.js';
import { TimerHeap } from './heap.js';
import { coverageStart, localDayAt, WorkingDays, workingStartFrom } from './time.js';
import { need } from '../errors/args.js';
import { RULES } from '../shapes.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * One rule hit: the condition a rule watches became true. Alerts are raised from findings.
 *
 * @example
 * ```ts
 * const f: AlertFinding = {
 *   rule: 'grid-cluster', kind: 'cluster', severity: 'warning', at: 1741572000000,
 *   node: '350302101001001', count: 3, category: 'city.rubbish',
 * };
 * ```
 */
export interface AlertFinding {
  /** The rule's id. */
  rule: string;
  kind: AlertKind;
  severity: AlertSeverity;
  /** When the condition was met, epoch ms. */
  at: number;
  /** Code of the node the alert is about (the grid/village for clusters and rises, the case's node otherwise). */
  node: string;
  /** Cases in the window (cluster), open or overdue cases (rise), overdue follow-ups; 1 for a single case. */
  count: number;
  /** Rise: the node's mean over the baseline days. */
  baseline?: number;
  /** The category concerned (cluster, recurrence, deadline). */
  category?: string;
  /** The case concerned (recurrence: the new case; deadline). */
  caseId?: string;
}

/**
 * What the engine reads rules against.
 *
 * @example
 * ```ts
 * const ctx: AlertEngineContext = { hierarchy, categories, calendar };
 * ```
 */
export interface AlertEngineContext {
  hierarchy: HierarchyIndex;
  categories: CategoryTable;
  calendar: WorkingCalendar;
}

/** Engine case status codes: discovered, registered, dispatched, handling, suspended, later (handled…follow-up), closed, dead. */
const S_DISC = 0, S_REG = 1, S_DISP = 2, S_HAND = 3, S_SUSP = 4, S_LATER = 5, S_CLOSED = 6, S_DEAD = 7;
const isOpen = (s: number) => s >= S_REG && s <= S_LATER;
const isRunning = (s: number) => s === S_DISP || s === S_HAND;
/** What an event does beyond its status and due time: registers a case, starts a dispatch (a deadline), closes a case, or nothing more. */
const OP_OTHER = 0, OP_REGISTER = 1, OP_DISPATCH = 2, OP_CLOSE = 3;
/** Event types by what they do to a case's row (`T_NONE`: nothing). */
const T_NONE = 0, T_REGISTERED = 1, T_DISPATCH = 2, T_ACCEPTED = 3, T_RETURNED = 4, T_SUSPENDED = 5, T_RESUMED = 6, T_EXTENDED = 7, T_HANDLED = 8, T_VERIFIED = 9, T_FOLLOWED_UP = 10, T_CLOSED = 11, T_DEAD = 12;
/** The {@link T_NONE}… code of an event type: the commonest first (the strings are compared by reference). */
function typeCode(type: string): number {
  switch (type) {
    case 'registered': return T_REGISTERED;
    case 'dispatched': case 'escalated': case 'reopened': return T_DISPATCH;
    case 'accepted': return T_ACCEPTED;
    case 'handled': return T_HANDLED;
    case 'verified': return T_VERIFIED;
    case 'followedUp': return T_FOLLOWED_UP;
    case 'closed': return T_CLOSED;
    case 'returned': return T_RETURNED;
    case 'suspensionGranted': return T_SUSPENDED;
    case 'resumed': return T_RESUMED;
    case 'extensionGranted': return T_EXTENDED;
    case 'rejected': case 'duplicateLinked': return T_DEAD;
    default: return T_NONE;
  }
}
/**
 * A case's row: 32 bytes (half a cache line, never split across two), read as 8 int32 —
 * node position, category, status, overdue flag, epoch (as uint32), unused, then the due
 * time as the row's last float64.
 */
const ROW = 32, I_STRIDE = 8, F_STRIDE = 4;
const R_NODE = 0, R_CAT = 1, R_STATUS = 2, R_OVERDUE = 3, U_EPOCH = 4, F_DUE = 3;

/** Dense positions of the nodes of one level: pos → slot (−1 elsewhere), and slot → pos. */
function levelSlots(h: HierarchyIndex, level: string): { slotOf: Int32Array; posOf: Int32Array } {
  const lv = h.config.levels.findIndex((l) => l.id === level);
  const slotOf = new Int32Array(h.size).fill(-1);
  const pos: number[] = [];
  for (let i = 0; i < h.size; i++) if (h.levelOf[i] === lv) { slotOf[i] = pos.length; pos.push(i); }
  return { slotOf, posOf: Int32Array.from(pos) };
}

/** For each node, the slot of its ancestor (or itself) at the level, or −1. */
function ancestorSlots(h: HierarchyIndex, slotOf: Int32Array): Int32Array {
  const out = new Int32Array(h.size).fill(-1);
  for (let i = 0; i < h.size; i++) out[i] = slotOf[i] >= 0 ? slotOf[i] : h.parents[i] >= 0 ? out[h.parents[i]] : -1;
  return out;
}

/** {@link levelSlots} and {@link ancestorSlots} of a hierarchy's levels, derived once per hierarchy (read only). */
const LEVEL_INDEX = new WeakMap<HierarchyIndex, Map<string, { posOf: Int32Array; anc: Int32Array }>>();

/** A level's node positions by slot, and each node's ancestor slot at the level (shared, read only). */
function levelIndex(h: HierarchyIndex, level: string): { posOf: Int32Array; anc: Int32Array } {
  let byLevel = LEVEL_INDEX.get(h);
  if (byLevel === undefined) { byLevel = new Map(); LEVEL_INDEX.set(h, byLevel); }
  let x = byLevel.get(level);
  if (x === undefined) {
    const { slotOf, posOf } = levelSlots(h, level);
    x = { posOf, anc: ancestorSlots(h, slotOf) };
    byLevel.set(level, x);
  }
  return x;
}

/** {@link nodePositions} of each hierarchy, derived once (read only). */
const NODE_POSITIONS = new WeakMap<HierarchyIndex, Map<string, number>>();

/**
 * Every node's position by code, in a `Map`: a case's node is a code string the hierarchy
 * handed out, whose hash V8 keeps in the string, so one look-up here costs about a third of
 * `hierarchy.indexOf` (which hashes the code's characters into its own table) for a node not
 * seen lately. Built once per hierarchy (146,227 codes: ~40 ms), as {@link levelIndex} is.
 */
function nodePositions(h: HierarchyIndex): Map<string, number> {
  let m = NODE_POSITIONS.get(h);
  if (m === undefined) {
    m = new Map();
    for (let i = 0; i < h.size; i++) m.set(h.code(i), i);
    NODE_POSITIONS.set(h, m);
  }
  return m;
}

/**
 * Events read ahead at a time by {@link AlertEngine.applyAll}: a block's events, case ids and
 * nodes (~100 KB) stay in the processor's caches until the block is applied. 512 was the best
 * of 256–8,192 on the Putian history.
 */
const READ_AHEAD = 512;

/**
 * Touches what {@link AlertEngine.apply} will read first of each event — the event, its case
 * id's characters, a new case's node code (whose hash the node look-up reads), and the data of
 * a registration or dispatch (`typeof` reads the object's header; a property read there would
 * meet a dozen data shapes and cost more than it saves) — in a loop with nothing else in it:
 * the processor has the loads of many events in flight at once, where in `apply` each event's
 * loads wait for the step before. Returns a sum of what it read (the caller keeps it, so that
 * the reads are not optimised away).
 */
function touchBlock(events: readonly AnyCaseEvent[], from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) {
    const e = events[i];
    s += e.caseId.length;
    const type = e.type;
    if (type === 'discovered') s += (e.data as { node?: string } | undefined)?.node?.length ?? 0;
    else if (type === 'dispatched' || type === 'registered') s += typeof e.data === 'object' ? 1 : 0;
  }
  return s;
}

const EMPTY: readonly AlertFinding[] = Object.freeze([]);

/**
 * Evaluates a city's rules incrementally over the case event feed. Feed it every case
 * event in time order (`at` never decreasing); it returns the findings each step makes.
 * The special-population rule (`followUp`) reads the registry, not the case feed: see
 * `followUpFindings`.
 *
 * @example
 * ```ts
 * const engine = new AlertEngine({ hierarchy, categories, calendar }, DEFAULT_ALERT_RULES);
 * for (const e of events) for (const f of engine.apply(e)) console.log(f.rule, f.node);
 * engine.advance(Date.now()); // timers up to now: deadlines near, days ended
 * ```
 */
export class AlertEngine {
  /** Events of cases the engine never saw discovered (a feed joined mid-way); they are skipped. */
  skipped = 0;
  private readonly h: HierarchyIndex;
  private readonly cats: CategoryTable;
  private readonly cal: WorkingCalendar;
  /** The calendar's first covered instant ({@link coverageStart}), derived once: deadlines reach no further back. */
  private readonly coverage: number;
  private readonly rows: CaseRows;
  private cap = 1024;
  /**
   * The per-case state, one row of {@link ROW} bytes per case in one buffer (one place in
   * memory per event, not one per field): through `ri` the node position (`R_NODE`), category
   * (`R_CAT`), status (`R_STATUS`) and overdue flag (`R_OVERDUE`); through `ru` the epoch
   * (`U_EPOCH`, bumped whenever the status or due changes: timers set before are stale);
   * through `rf` the due time (`F_DUE`).
   */
  private ri = new Int32Array(0);
  private ru = new Uint32Array(0);
  private rf = new Float64Array(0);
  private ids: string[];
  private address: (string | undefined)[] = [];
  private n = 0;
  private last = -Infinity;
  private day = NaN;
  /**
   * The earliest instant at which {@link runTimers} has something to do (the end of the current
   * day, or the earliest deadline timer); an event before it skips the timers altogether.
   */
  private wake = -Infinity;
  /** The calendar's working days, memoised per day for the deadline timers. */
  private readonly workingDays: WorkingDays;
  private out: AlertFinding[] = [];
  /** What {@link touchBlock} read, kept so that its reads are not optimised away. */
  private readAhead = 0;
  /** Node positions by code ({@link nodePositions}). */
  private readonly positions: Map<string, number>;

  private readonly clusters: ClusterRule[] = [];
  private readonly rises: RiseRule[] = [];
  /** The rise rules by what they count (open cases, overdue cases). */
  private readonly openRises: RiseRule[] = [];
  private readonly overdueRises: RiseRule[] = [];
  private readonly recurrences: RecurrenceRule[] = [];
  private readonly deadlines: { rule: AlertRuleOf<'deadline'>; mask: Uint8Array; ms: number; heap: TimerHeap }[] = [];
  private readonly overdueHeap: TimerHeap | null;

  /**
   * `options.capacity`: the number of cases expected — the per-case arrays and timer heaps are
   * sized for it up front, so a long replay does not keep reallocating them.
   */
  constructor(ctx: AlertEngineContext, rules: AlertRuleSet, options: { capacity?: number } = {}) {
    need('AlertEngine', 'ctx', ctx, 'object', { hierarchy: 'object', categories: 'object', calendar: 'object', 'calendar.offset': 'number' });
    need('AlertEngine', 'rules', rules, 'object', RULES);
    need('AlertEngine', 'options', options, 'object', { capacity: 'count?' });
    const cap = Math.max(1024, Math.ceil(options.capacity ?? 0));
    this.cap = cap;
    this.setRows(new ArrayBuffer(cap * ROW));
    this.h = ctx.hierarchy;
    this.cats = ctx.categories;
    this.cal = ctx.calendar;
    this.positions = nodePositions(this.h);
    for (const r of rules.rules) {
      const mask = ruleCategoryMask(r, this.cats);
      if (r.kind === 'cluster') this.clusters.push(new ClusterRule(r, mask, this.h, this.cats.list.length));
      else if (r.kind === 'rise') this.rises.push(new RiseRule(r, mask, this.h));
      else if (r.kind === 'recurrence') this.recurrences.push(new RecurrenceRule(r, mask, this.cats.list.length));
      else if (r.kind === 'deadline') this.deadlines.push({ rule: r, mask, ms: r.withinWorkHours * HOUR, heap: new TimerHeap(Math.ceil(cap / 4)) });
    }
    for (const r of this.rises) (r.rule.measure === 'overdue' ? this.overdueRises : this.openRises).push(r);
    this.overdueHeap = this.overdueRises.length > 0 ? new TimerHeap(cap) : null;
    // Checks the calendar's shape too, once, for the deadline timers that count working time.
    this.coverage = this.deadlines.length > 0 ? coverageStart(this.cal) : -Infinity;
    this.workingDays = new WorkingDays(this.cal);
    this.ids = new Array<string>(cap);
    this.rows = new CaseRows(cap);
  }

  /** Number of cases seen. @example `engine.cases; // 533500` */
  get cases(): number {
    return this.n;
  }

  /** Time of the last event or advance, epoch ms. @example `engine.now` */
  get now(): number {
    return this.last;
  }

  /**
   * Applies one case event (after the timers due before it) and returns the findings.
   * Throws a `JcError` `E_EVENT_ORDER` (changing nothing) for an event earlier than one
   * already applied.
   *
   * @example
   * ```ts
   * const found = engine.apply(event); // [] most of the time
   * ```
   */
  apply(e: AnyCaseEvent): readonly AlertFinding[] {
    const t = e.at;
    if (!(t >= this.last)) throw new JcError(alertIssue('E_EVENT_ORDER', `${e.caseId} v${e.version}`, 'at'));
    // Most events come before the next timer and the day's end: nothing to run.
    if (t >= this.wake) this.runTimers(t);
    this.last = t;
    const type = e.type;
    if (type === 'discovered') {
      // a new row, in the state a new row has: nothing else changes
      this.newRow(e.caseId, this.positions.get(e.data.node) ?? -1);
      return this.flush();
    }
    const k = typeCode(type);
    const row = this.rows.get(e.caseId);
    if (row < 0) { this.skipped++; return this.flush(); }
    // An event that changes neither the status nor the due time (a progress report, a
    // supervision note, …): the case's row is not read.
    if (k === T_NONE) return this.flush();
    const ri = this.ri;
    const r8 = row * I_STRIDE;
    const s0 = ri[r8 + R_STATUS];
    let s1 = s0;
    // The new due time when `setsDue` (an event's `dueAt`, or NaN for none). It never holds
    // the row's due time: a variable that held both the row's number and an event's field
    // would keep the row's number boxed — a heap allocation at every event.
    let d1 = NaN;
    let setsDue = false;
    let op = OP_OTHER;
    switch (k) {
      case T_REGISTERED: {
        const data = e.data as { category: string; address?: string };
        ri[r8 + R_CAT] = this.cats.indexOf(data.category);
        if (data.address) this.address[row] = data.address;
        s1 = S_REG;
        op = OP_REGISTER;
        break;
      }
      case T_DISPATCH: s1 = S_DISP; d1 = (e.data as { dueAt: number }).dueAt; setsDue = true; op = OP_DISPATCH; break;
      case T_ACCEPTED: s1 = S_HAND; break;
      case T_RETURNED: s1 = S_REG; setsDue = true; break;
      case T_SUSPENDED: s1 = S_SUSP; break;
      case T_RESUMED: s1 = S_HAND; d1 = (e.data as { dueAt: number }).dueAt; setsDue = true; break;
      case T_EXTENDED: d1 = (e.data as { dueAt: number }).dueAt; setsDue = true; break;
      case T_HANDLED: s1 = S_LATER; break;
      // Handling again or later: only the overdue rises tell the two apart (a case handled is
      // not running late); without them the event's data is not read.
      case T_VERIFIED: s1 = this.overdueHeap === null || (e.data as { passed: boolean }).passed ? S_LATER : S_HAND; break;
      case T_FOLLOWED_UP: s1 = this.overdueHeap !== null && (e.data as { recurred: boolean }).recurred ? S_HAND : S_LATER; break;
      case T_CLOSED: s1 = S_CLOSED; op = OP_CLOSE; break;
      case T_DEAD: s1 = S_DEAD; break;
      default: break;
    }
    const d0 = this.rf[row * F_STRIDE + F_DUE];
    const dueChanged = setsDue && !(d1 === d0 || (d1 !== d1 && d0 !== d0));
    if (s1 !== s0 || dueChanged || op === OP_DISPATCH) {
      const ru = this.ru;
      ru[r8 + U_EPOCH]++;
      const epoch = ru[r8 + U_EPOCH];
      ri[r8 + R_STATUS] = s1;
      if (setsDue) this.rf[row * F_STRIDE + F_DUE] = d1;
      this.transition(row, s0, s1);
      const due = this.rf[row * F_STRIDE + F_DUE];
      if (this.overdueHeap !== null && isRunning(s1) && due === due) this.overdueHeap.push(due, row, epoch);
    }
    if (op === OP_OTHER) return this.flush();
    const c = ri[r8 + R_CAT];
    if (c < 0) return this.flush();
    if (op === OP_REGISTER) {
      const pos = ri[r8 + R_NODE];
      for (const r of this.clusters) if (r.mask[c]) r.add(pos, c, t, this);
      for (const r of this.recurrences) if (r.mask[c]) r.registered(row, pos, c, t, this);
    } else if (op === OP_CLOSE) {
      for (const r of this.recurrences) if (r.mask[c]) r.closed(row, ri[r8 + R_NODE], c, t, this);
    } else {
      for (const d of this.deadlines) {
        if (!d.mask[c]) continue;
        const x = workingStartFrom(this.workingDays, this.coverage, this.rf[row * F_STRIDE + F_DUE], d.ms);
        if (x !== x) continue;
        if (x <= t) this.emitDeadline(d.rule, row, t);
        else {
          d.heap.push(x, row, this.ru[r8 + U_EPOCH]);
          if (x < this.wake) this.wake = x;
        }
      }
    }
    return this.flush();
  }

  /**
   * Applies `events[from]` up to (not including) `events[to]`, in order, and returns their
   * findings in order: what {@link AlertEngine.apply} does for each event, faster over a long
   * history. It reads ahead a block of events at a time — each event, its case id, a new
   * case's node, a registration's or dispatch's data — in a loop that does nothing else, so
   * that their loads from memory overlap;
   * in `apply`'s longer step each waits behind the one before (a quarter of a replay of the
   * Putian history, 4.6 M events: `pnpm bench alerts`).
   *
   * As `apply` on each event in turn, it throws a `JcError` `E_EVENT_ORDER` at the first event
   * earlier than the one before: the events before it are applied, it and those after it not.
   *
   * @example
   * ```ts
   * const engine = new AlertEngine(ctx, DEFAULT_ALERT_RULES, { capacity: events.length / 8 });
   * const findings = engine.applyAll(inTimeOrder(events));
   * findings.filter((f) => f.rule === 'grid-cluster').length;
   * ```
   */
  applyAll(events: readonly AnyCaseEvent[], from = 0, to: number = events?.length): AlertFinding[] {
    need('AlertEngine.applyAll', 'events', events, 'array');
    need('AlertEngine.applyAll', 'from', from, 'count');
    need('AlertEngine.applyAll', 'to', to, 'count');
    const end = Math.min(to, events.length);
    const out: AlertFinding[] = [];
    for (let b = from; b < end; b += READ_AHEAD) {
      const stop = Math.min(end, b + READ_AHEAD);
      this.readAhead += touchBlock(events, b, stop);
      for (let i = b; i < stop; i++) {
        const fs = this.apply(events[i]);
        for (let j = 0; j < fs.length; j++) out.push(fs[j]);
      }
    }
    return out;
  }

  /**
   * Moves time on to `now` without an event: fires the deadline timers that passed and ends
   * the days that ended. Earlier than the last event: nothing happens.
   *
   * @example
   * ```ts
   * setInterval(() => engine.advance(Date.now()).forEach(raise), 60_000);
   * ```
   */
  advance(now: number): readonly AlertFinding[] {
    if (!(now > this.last)) return EMPTY;
    this.runTimers(now);
    this.last = now;
    return this.flush();
  }

  /** @internal */
  emit(f: AlertFinding): void {
    this.out.push(f);
  }

  /** @internal The code of node position `pos`. */
  code(pos: number): string {
    return this.h.code(pos);
  }

  /** @internal The category id at position `c`. */
  categoryId(c: number): string {
    return this.cats.list[c].id;
  }

  /** @internal The address of the case at `row`. */
  addressOf(row: number): string | undefined {
    return this.address[row];
  }

  /** @internal The case id at `row`. */
  caseIdOf(row: number): string {
    return this.ids[row];
  }

  private flush(): readonly AlertFinding[] {
    if (this.out.length === 0) return EMPTY;
    const o = this.out;
    this.out = [];
    return o;
  }

  private emitDeadline(rule: AlertRuleOf<'deadline'>, row: number, at: number): void {
    this.out.push({
      rule: rule.id, kind: 'deadline', severity: rule.severity, at, node: this.h.code(this.ri[row * I_STRIDE + R_NODE]), count: 1,
      category: this.cats.list[this.ri[row * I_STRIDE + R_CAT]].id, caseId: this.ids[row],
    });
  }

  /**
   * Runs, in time order, the deadline timers before `t` and the ends of days up to `t`; then
   * sets {@link wake} to the first instant with something to run.
   */
  private runTimers(t: number): void {
    if (this.day !== this.day) {
      if (t === -Infinity || t !== t) return;
      this.day = localDayAt(this.cal.offset, t);
    }
    const lastDay = localDayAt(this.cal.offset, t);
    const offset = this.cal.offset;
    for (;;) {
      let nx = Infinity;
      let which = -1;
      for (let i = 0; i < this.deadlines.length; i++) {
        const x = this.deadlines[i].heap.topTime();
        if (x < t && x < nx) { nx = x; which = i; }
      }
      // the end of local day `day` (endOfLocalDay, unchecked)
      const nm = this.day < lastDay ? (this.day + 1) * DAY - offset : Infinity;
      if (which < 0 && nm === Infinity) break;
      if (nx < nm) {
        const d = this.deadlines[which];
        d.heap.pop();
        const row = d.heap.row;
        if (this.ru[row * I_STRIDE + U_EPOCH] === d.heap.stamp && this.ri[row * I_STRIDE + R_STATUS] === S_DISP) this.emitDeadline(d.rule, row, d.heap.time);
      } else {
        this.endDay(nm);
        this.day++;
      }
    }
    let wake = (this.day + 1) * DAY - offset;
    for (let i = 0; i < this.deadlines.length; i++) {
      const x = this.deadlines[i].heap.topTime();
      if (x < wake) wake = x;
    }
    this.wake = wake;
  }

  private endDay(m: number): void {
    const heap = this.overdueHeap;
    if (heap !== null) {
      const ri = this.ri;
      while (heap.topTime() <= m) {
        heap.pop();
        const r8 = heap.row * I_STRIDE;
        if (this.ru[r8 + U_EPOCH] !== heap.stamp || ri[r8 + R_OVERDUE] || !isRunning(ri[r8 + R_STATUS])) continue;
        ri[r8 + R_OVERDUE] = 1;
        const c = ri[r8 + R_CAT];
        if (c >= 0) for (const r of this.overdueRises) if (r.mask[c]) r.bump(ri[r8 + R_NODE], 1);
      }
    }
    for (const r of this.rises) r.endDay(m, this);
  }

  private transition(row: number, s0: number, s1: number): void {
    const ri = this.ri;
    const r8 = row * I_STRIDE;
    const c = ri[r8 + R_CAT];
    if (c < 0) { ri[r8 + R_OVERDUE] = 0; return; }
    if (ri[r8 + R_OVERDUE]) {
      ri[r8 + R_OVERDUE] = 0;
      for (const r of this.overdueRises) if (r.mask[c]) r.bump(ri[r8 + R_NODE], -1);
    }
    const o0 = isOpen(s0), o1 = isOpen(s1);
    if (o0 !== o1) for (const r of this.openRises) if (r.mask[c]) r.bump(ri[r8 + R_NODE], o1 ? 1 : -1);
  }

  private newRow(id: string, pos: number): number {
    const existing = this.rows.get(id);
    if (existing >= 0) return existing;
    if (this.n === this.cap) this.grow();
    const row = this.n++;
    this.rows.set(id, row);
    this.ids[row] = id;
    const r8 = row * I_STRIDE;
    // a new buffer is zeroed: epoch 0, not overdue
    this.ri[r8 + R_NODE] = pos;
    this.ri[r8 + R_CAT] = -1;
    this.ri[r8 + R_STATUS] = S_DISC;
    this.rf[row * F_STRIDE + F_DUE] = NaN;
    return row;
  }

  private setRows(buf: ArrayBuffer): void {
    this.ri = new Int32Array(buf);
    this.ru = new Uint32Array(buf);
    this.rf = new Float64Array(buf);
  }

  private grow(): void {
    const n = this.cap * 2;
    const buf = new ArrayBuffer(n * ROW);
    new Uint8Array(buf).set(new Uint8Array(this.ri.buffer));
    this.setRows(buf);
    this.cap = n;
  }
}

/**
 * Case ids to engine rows. Ids issued in sequence (`PT-0000001`, `PT-0000002`, …: a prefix and
 * a fixed number of digits) are found by their number in a typed array — no hashing, and the
 * cases of one period sit side by side in memory; any other id goes to a `Map`. The pattern is
 * the first id's.
 */
class CaseRows {
  private prefix = '';
  /** Digits after the prefix; 0 until the first id, −1 when the first id had no such pattern. */
  private width = 0;
  /** Row + 1 by number, 0 for none: a new array needs no filling. */
  private byNumber = new Int32Array(0);
  /** Numbers at or past it go to `others` (a first id of `X-999999999` must not size an array to it). */
  private readonly limit: number;
  private readonly others = new Map<string, number>();

  constructor(private readonly capacity: number) {
    this.limit = Math.max(1 << 21, 4 * capacity);
  }

  /** The number of an id in the pattern, or −1. */
  private numberOf(id: string): number {
    const w = this.width;
    if (w <= 0) return -1;
    const p = this.prefix;
    const n = p.length;
    if (id.length !== n + w) return -1;
    for (let i = 0; i < n; i++) if (id.charCodeAt(i) !== p.charCodeAt(i)) return -1;
    let k = 0;
    for (let i = n; i < n + w; i++) {
      const d = id.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return -1;
      k = k * 10 + d;
    }
    return k < this.limit ? k : -1;
  }

  /** The row of case `id`, or −1. */
  get(id: string): number {
    const k = this.numberOf(id);
    if (k >= 0) return k < this.byNumber.length ? this.byNumber[k] - 1 : -1;
    return this.others.get(id) ?? -1;
  }

  /** Records the row of a new case `id`. */
  set(id: string, row: number): void {
    if (this.width === 0) {
      let j = id.length;
      while (j > 0 && id.charCodeAt(j - 1) >= 48 && id.charCodeAt(j - 1) <= 57) j--;
      const w = id.length - j;
      if (w >= 1 && w <= 9) { this.prefix = id.slice(0, j); this.width = w; } else this.width = -1;
    }
    const k = this.numberOf(id);
    if (k < 0) { this.others.set(id, row); return; }
    if (k >= this.byNumber.length) {
      const grown = new Int32Array(Math.min(this.limit, Math.max(k + 1, 2 * this.byNumber.length, this.capacity)));
      grown.set(this.byNumber);
      this.byNumber = grown;
    }
    this.byNumber[k] = row + 1;
  }
}

/** Cluster ring slots per page (a page of a three-case rule: 256 KB). */
const PAGE_BITS = 13, PAGE = 1 << PAGE_BITS;

/**
 * Cluster: per (level node, category) a ring of the last N registration times. A pair's ring
 * and its state sit together in one array (N times, then the head and whether the window is
 * full): one place in memory per registration, not four.
 */
class ClusterRule {
  private readonly anc: Int32Array;
  private readonly posOf: Int32Array;
  /** Slot + 1 of each (level node, category) pair, 0 until its first case: a typed array, no hashing, no filling. */
  private readonly slots: Int32Array;
  /**
   * Per slot, `stride` numbers: the ring of times (−∞ until written), then `head + 128 · above`;
   * in pages of {@link PAGE} slots, added as slots are used — nothing copied, nothing allocated
   * twice (typed arrays count towards V8's external memory, which triggers full collections).
   */
  private readonly pages: Float64Array[] = [];
  private readonly stride: number;
  private used = 0;
  private readonly windowMs: number;

  constructor(readonly rule: AlertRuleOf<'cluster'>, readonly mask: Uint8Array, h: HierarchyIndex, private readonly nCats: number) {
    const { anc, posOf } = levelIndex(h, rule.level);
    this.anc = anc;
    this.posOf = posOf;
    this.slots = new Int32Array(posOf.length * nCats);
    this.windowMs = rule.windowHours * HOUR;
    this.stride = rule.minCases + 1;
  }

  add(pos: number, c: number, t: number, engine: AlertEngine): void {
    const a = pos >= 0 ? this.anc[pos] : -1;
    if (a < 0) return;
    const key = a * this.nCats + c;
    let k = this.slots[key] - 1;
    if (k < 0) {
      k = this.used++;
      if (k >> PAGE_BITS === this.pages.length) this.addPage();
      this.slots[key] = k + 1;
    }
    const N = this.rule.minCases;
    const rings = this.pages[k >> PAGE_BITS];
    const base = (k & (PAGE - 1)) * this.stride;
    const state = rings[base + N];
    const head = state % 128;
    rings[base + head] = t;
    const next = head + 1 === N ? 0 : head + 1;
    // The N-th latest registration is the one the head now points at (the oldest kept; −∞
    // while fewer than N were kept).
    const full = rings[base + next] > t - this.windowMs;
    // Crossing from below N to N: the window holds exactly N now.
    if (full && state < 128) {
      engine.emit({ rule: this.rule.id, kind: 'cluster', severity: this.rule.severity, at: t, node: engine.code(this.posOf[a]), count: N, category: engine.categoryId(c) });
    }
    rings[base + N] = full ? next + 128 : next;
  }

  private addPage(): void {
    const page = new Float64Array(PAGE * this.stride).fill(-Infinity);
    // the state numbers: head 0, not above
    for (let i = this.stride - 1; i < page.length; i += this.stride) page[i] = 0;
    this.pages.push(page);
  }
}

/** Rise: per level node a count, and a ring of its counts at the end of the last B days. */
class RiseRule {
  private readonly anc: Int32Array;
  private readonly posOf: Int32Array;
  private readonly count: Int32Array;
  private readonly ring: Int32Array;
  private readonly sums: Float64Array;
  private readonly inEpisode: Uint8Array;
  private days = 0;
  private head = 0;

  constructor(readonly rule: AlertRuleOf<'rise'>, readonly mask: Uint8Array, h: HierarchyIndex) {
    const { anc, posOf } = levelIndex(h, rule.level);
    this.anc = anc;
    this.posOf = posOf;
    const n = posOf.length;
    this.count = new Int32Array(n);
    this.ring = new Int32Array(n * rule.baselineDays);
    this.sums = new Float64Array(n);
    this.inEpisode = new Uint8Array(n);
  }

  bump(pos: number, d: number): void {
    const a = pos >= 0 ? this.anc[pos] : -1;
    if (a >= 0) this.count[a] += d;
  }

  endDay(m: number, engine: AlertEngine): void {
    const B = this.rule.baselineDays;
    const { count, ring, sums, inEpisode } = this;
    const { factor, minCount } = this.rule;
    const ready = this.days >= B;
    const h = this.head;
    for (let a = 0; a < count.length; a++) {
      const c = count[a];
      const cond = ready && c >= minCount && c * B > factor * sums[a];
      if (cond && !inEpisode[a]) {
        engine.emit({ rule: this.rule.id, kind: 'rise', severity: this.rule.severity, at: m, node: engine.code(this.posOf[a]), count: c, baseline: sums[a] / B });
      }
      inEpisode[a] = cond ? 1 : 0;
      const slot = a * B + h;
      sums[a] += c - ring[slot];
      ring[slot] = c;
    }
    this.head = (h + 1) % B;
    if (this.days < B) this.days++;
  }
}

/**
 * Times by non-negative integer key (below 2^53) in one typed array, open addressing: each
 * slot a key and its time side by side (one place in memory per lookup), no boxed entry per
 * key. `get` gives `NaN` for a key never set.
 */
class TimeTable {
  /** Slot i: key + 1 at 2i (0: empty, so a new array needs no filling), time at 2i + 1. */
  private cells: Float64Array;
  private size = 0;
  private mask: number;

  /** `expected`: keys expected; room for them is made up front (growing rehashes every key). */
  constructor(expected = 0) {
    let n = 1024;
    while (n < 2 * expected) n *= 2;
    this.cells = new Float64Array(2 * n);
    this.mask = n - 1;
  }

  /** The cell index of `key`'s slot, or of the empty slot where it would go. */
  private slot(key: number): number {
    const mask = this.mask;
    const cells = this.cells;
    const stored = key + 1;
    let i = (Math.imul((key | 0) ^ ((key / 4294967296) | 0), 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const k = cells[2 * i];
      if (k === stored || k === 0) return 2 * i;
      i = (i + 1) & mask;
    }
  }

  get(key: number): number {
    const i = this.slot(key);
    return this.cells[i] === key + 1 ? this.cells[i + 1] : NaN;
  }

  set(key: number, value: number): void {
    let i = this.slot(key);
    if (this.cells[i] !== key + 1) {
      if (2 * (this.size + 1) > this.mask + 1) { this.grow(); i = this.slot(key); }
      this.cells[i] = key + 1;
      this.size++;
    }
    this.cells[i + 1] = value;
  }

  /** Forgets every key (the room made stays). */
  clear(): void {
    if (this.size === 0) return;
    this.cells.fill(0);
    this.size = 0;
  }

  private grow(): void {
    const old = this.cells;
    const n = 2 * (this.mask + 1);
    this.cells = new Float64Array(2 * n);
    this.mask = n - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] === 0) continue;
      const j = this.slot(old[i] - 1);
      this.cells[j] = old[i];
      this.cells[j + 1] = old[i + 1];
    }
  }
}

/**
 * Recurrence: the last time a case of each (node, category) — or (category, address) — was
 * closed. Only a close within the window matters, so the (node, category) times are kept in
 * two generations of a window's length each: the current one, and the one before it, which
 * is dropped when the current one is a window old. Every close of the last window is in one
 * of the two (the current one holds the newer time), and the tables hold a window's closes,
 * not the whole history's (Putian: ~4,400, not 487,000): they stay in the cache.
 */
class RecurrenceRule {
  private recent = new TimeTable();
  private older = new TimeTable();
  /** When the current generation began (−∞ before the first close or registration). */
  private since = -Infinity;
  private readonly lastByAddress = new Map<string, number>();
  private readonly windowMs: number;

  constructor(readonly rule: AlertRuleOf<'recurrence'>, readonly mask: Uint8Array, private readonly nCats: number) {
    this.windowMs = rule.withinDays * DAY;
  }

  /** Moves on to time `t`: a generation a window old becomes the older one, and the older one is dropped. */
  private age(t: number): void {
    if (!(t - this.since >= this.windowMs)) return;
    const dropped = this.older;
    dropped.clear();
    this.older = this.recent;
    this.recent = dropped;
    this.since = t;
  }

  private last(row: number, pos: number, c: number, t: number, engine: AlertEngine): number | undefined {
    if (this.rule.by === 'node') {
      if (pos < 0) return undefined;
      this.age(t);
      const key = pos * this.nCats + c;
      let v = this.recent.get(key);
      if (v !== v) v = this.older.get(key);
      return v === v ? v : undefined;
    }
    const addr = engine.addressOf(row);
    return addr === undefined ? undefined : this.lastByAddress.get(`${c}\u0000${addr}`);
  }

  registered(row: number, pos: number, c: number, t: number, engine: AlertEngine): void {
    if (pos < 0) return;
    const last = this.last(row, pos, c, t, engine);
    if (last !== undefined && last >= t - this.windowMs) {
      engine.emit({ rule: this.rule.id, kind: 'recurrence', severity: this.rule.severity, at: t, node: engine.code(pos), count: 1, category: engine.categoryId(c), caseId: engine.caseIdOf(row) });
    }
  }

  closed(row: number, pos: number, c: number, t: number, engine: AlertEngine): void {
    if (this.rule.by === 'node') {
      if (pos >= 0) { this.age(t); this.recent.set(pos * this.nCats + c, t); }
      return;
    }
    const addr = engine.addressOf(row);
    if (addr !== undefined) this.lastByAddress.set(`${c}\u0000${addr}`, t);
  }
}

/** The rules of a set that the case feed drives (all but `followUp`). @example `feedRules(DEFAULT_ALERT_RULES).length; // 5` */
export function feedRules(rules: AlertRuleSet): AlertRule[] {
  need('feedRules', 'rules', rules, 'object', RULES);
  return rules.rules.filter((r) => r.kind !== 'followUp');
}
