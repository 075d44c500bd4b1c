/**
 * The Putian case history: 533,500 cases over ten years, each walked through the seven-step
 * loop by the core's own `decideCase` — so every generated event is one the core would accept —
 * reproducing the seed's 530,600 closed (办结率 99.46%).
 * @module
 */
import { CaseStore, type Actor, type CaseState, type HierarchyIndex } from '@jiceng/core';
import {
  decideCase, type AnyCaseEvent, type CaseSource, type Category, type Urgency,
} from '@jiceng/core/cases';
import {
  addTimeLimit, addWorkingMs, CHINA_UTC_OFFSET_MS, DAY_MS, dayNumberOfDate, type TimeLimit, workingMsBetween,
} from '@jiceng/core/calendar';
import { createRng, type Rng } from '../random.js';
import { createPutianCaseContext, type PutianCaseContext } from './context.js';
import { need } from '@jiceng/core/errors';
import { HIERARCHY } from '../shapes.js';

/**
 * What to simulate.
 *
 * @example
 * ```ts
 * const opts: ScenarioOptions = { seed: 1, cases: 10_000, closed: 9_946 };
 * ```
 */
export interface ScenarioOptions {
  /** Seed; the same seed gives the same history. Default 1. */
  seed?: number;
  /** Number of cases collected. Default 533,500 (the seed document). */
  cases?: number;
  /** Number of them closed 办结 by the end. Default 530,600, scaled when `cases` is given. */
  closed?: number;
  /** First day of the history (local date). Default 2016-01-01. */
  from?: string;
  /** Day after the last (local date). Default 2026-01-01. */
  to?: string;
  /**
   * Decide every command through the core's `decideCase` (validation and every check) instead of
   * building the same events directly. About 20× slower; the tests run a sample both ways
   * and require identical events. Default false.
   */
  checked?: boolean;
}

/**
 * The seed's headline figures: cases collected and closed.
 *
 * @example
 * ```ts
 * PUTIAN_CASE_COUNTS.closed / PUTIAN_CASE_COUNTS.collected; // 0.99456…
 * ```
 */
export const PUTIAN_CASE_COUNTS = Object.freeze({ collected: 533_500, closed: 530_600 });

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OFFSET = CHINA_UTC_OFFSET_MS;

/** Category weights (leaf ids) — city management and disputes dominate grid work. */
const CATEGORY_WEIGHTS: Record<string, number> = {
  'city.rubbish': 14, 'city.vendor': 6, 'city.parking': 7, 'city.ads': 3, 'city.illegal-building': 2,
  'dispute.neighbour': 7, 'dispute.family': 3, 'dispute.land': 2, 'dispute.labour': 1.5, 'dispute.property': 3,
  'safety.fire': 5, 'safety.gas': 2, 'safety.building': 2, 'safety.production': 2, 'safety.traffic': 2,
  'security.order': 3, 'security.fraud': 2, 'security.vice': 0.4,
  'environment.water': 1, 'environment.air': 0.8, 'environment.noise': 3, 'environment.burning': 2,
  'health.epidemic': 6, 'health.food': 1, 'health.sanitation': 5,
  'livelihood.elderly': 2, 'livelihood.assistance': 2, 'livelihood.employment': 1, 'livelihood.utilities': 4,
  'special.mental': 0.6, 'special.correction': 0.3, 'special.released': 0.3, 'special.drug': 0.3,
  'emergency.disaster': 0.3, 'emergency.accident': 0.3, 'emergency.mass': 0.1,
  'facility.road': 3, 'facility.light': 3, 'facility.manhole': 2, 'facility.water': 2,
  'other.suggestion': 1.5, 'other.misc': 1.5,
};
const SOURCES: [CaseSource, number][] = [['patrol', 56], ['citizen', 14], ['hotline', 12], ['video', 8], ['department', 6], ['higher', 4]];
const URGENCY: [Urgency, number][] = [['normal', 85], ['urgent', 12], ['critical', 3]];
const OPEN_STAGES: [string, number][] = [['registered', 4], ['dispatched', 14], ['handling', 46], ['suspended', 5], ['handled', 15], ['verified', 16]];

function weighted<T>(rng: Rng, items: readonly [T, number][], total = items.reduce((s, [, w]) => s + w, 0)): T {
  let x = rng.next() * total;
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return items[items.length - 1][0];
}

/** A single case's plan, derived from its own random stream (so any case can be replayed alone). */
interface Plan {
  unit: number;
  category: Category;
  urgency: Urgency;
  source: CaseSource;
  reportedAt: number;
  open: string | null;
}

/**
 * Walks cases through the loop. Build once per hierarchy, then `run()` the whole history or
 * `caseEvents(i)` one case alone (the same events as in the full run).
 *
 * @example
 * ```ts
 * const sim = new PutianScenario(hierarchy, { cases: 1000 });
 * const store = sim.run();
 * store.size;                    // 1000
 * sim.caseEvents(0)[0].type;     // 'discovered'
 * ```
 */
export class PutianScenario {
  /** The context commands are decided in. */
  readonly ctx: PutianCaseContext;
  /** Number of cases. */
  readonly cases: number;
  /** Number closed by the end. */
  readonly closed: number;
  private readonly seed: number;
  private readonly from: number;
  private readonly span: number;
  private readonly units: Int32Array;
  private readonly weightedCats: [Category, number][];
  private readonly h: HierarchyIndex;
  private readonly level: Record<string, number>;
  private readonly actors = new Map<string, Actor>();
  /** Officers by node position (colleague 1 and 2), made on first use. */
  private readonly officers: (Actor | undefined)[][] = [[], []];
  private readonly checked: boolean;

  constructor(hierarchy: HierarchyIndex, opts: ScenarioOptions = {}) {
    need('PutianScenario', 'hierarchy', hierarchy, 'object', HIERARCHY);
    need('PutianScenario', 'opts', opts, 'object');
    this.h = hierarchy;
    this.checked = opts.checked ?? false;
    this.seed = Math.trunc(opts.seed ?? 1);
    this.cases = opts.cases ?? PUTIAN_CASE_COUNTS.collected;
    this.closed = opts.closed ?? Math.round((this.cases * PUTIAN_CASE_COUNTS.closed) / PUTIAN_CASE_COUNTS.collected);
    if (this.closed > this.cases) throw new RangeError('closed > cases');
    this.from = dayNumberOfDate(opts.from ?? '2016-01-01') * DAY_MS - CHINA_UTC_OFFSET_MS;
    this.span = dayNumberOfDate(opts.to ?? '2026-01-01') * DAY_MS - CHINA_UTC_OFFSET_MS - this.from;
    this.level = Object.fromEntries(hierarchy.config.levels.map((l, i) => [l.id, i]));
    const unitLevel = this.level.unit;
    const units: number[] = [];
    for (let i = 0; i < hierarchy.size; i++) if (hierarchy.levelOf[i] === unitLevel) units.push(i);
    this.units = Int32Array.from(units);
    let seq = 0;
    this.ctx = createPutianCaseContext(hierarchy, { newId: () => `PT-N${String(++seq).padStart(6, '0')}` });
    this.weightedCats = Object.entries(CATEGORY_WEIGHTS).map(([id, w]) => {
      const c = this.ctx.categories.get(id);
      if (!c) throw new Error(`unknown category ${id}`);
      return [c, w];
    });
  }

  /** The id of case i. @example `sim.caseId(0); // 'PT-0000001'` */
  caseId(i: number): string {
    return `PT-${String(i + 1).padStart(7, '0')}`;
  }

  private plan(i: number, rng: Rng): Plan {
    // Case volume grows linearly over the years: invert the cumulative share (t + t²) / 2.
    const u = (i + rng.next()) / this.cases;
    const t = (-1 + Math.sqrt(1 + 8 * u)) / 2;
    const dayStart = Math.floor((this.from + t * this.span + OFFSET) / DAY) * DAY - OFFSET;
    const reportedAt = dayStart + 8 * HOUR + Math.floor(rng.next() * 10 * HOUR);
    const category = weighted(rng, this.weightedCats);
    const urgencies = URGENCY.filter(([k]) => category.limits[k]);
    return {
      unit: this.units[rng.int(this.units.length)],
      category,
      urgency: weighted(rng, urgencies),
      source: weighted(rng, SOURCES),
      reportedAt,
      open: i >= this.closed ? weighted(rng, OPEN_STAGES) : null,
    };
  }

  /** The store `caseEvents` walks the cases into. */
  private walked: CaseStore | undefined;

  private actor(id: string, role: string, node: string): Actor {
    let a = this.actors.get(id);
    if (!a) {
      a = { id, roles: [{ role, node }] };
      this.actors.set(id, a);
    }
    return a;
  }

  /** The officer (or grid worker/head) who acts for node `pos`; `n` picks a colleague. */
  private officer(pos: number, n: 1 | 2 = 1): Actor {
    return (this.officers[n - 1][pos] ??= this.makeOfficer(pos, n));
  }

  private makeOfficer(pos: number, n: 1 | 2): Actor {
    const h = this.h;
    const code = h.code(pos);
    const lvl = h.config.levels[h.levelOf[pos]].id;
    const role = lvl === 'grid' ? (n === 1 ? 'grid-worker' : 'grid-head') : `${lvl}-officer`;
    const prefix = lvl === 'grid' ? (n === 1 ? 'gw' : 'gh') : `${lvl.slice(0, 2)}${n}`;
    return { id: `${prefix}-${code}`, roles: [{ role, node: code }] };
  }

  /**
   * Runs every case through the loop into a `CaseStore` (or the given one). `onEvent`
   * sees each event as it is applied.
   *
   * @example
   * ```ts
   * const store = new PutianScenario(hierarchy, { cases: 500 }).run();
   * ```
   */
  run(opts: { store?: CaseStore; onEvent?: (e: AnyCaseEvent) => void; keepLog?: boolean } = {}): CaseStore {
    const store = opts.store ?? new CaseStore({ hierarchy: this.h, categories: this.ctx.categories }, { capacity: this.cases, keepLog: opts.keepLog ?? false });
    for (let i = 0; i < this.cases; i++) {
      this.walk(i, store, opts.onEvent);
    }
    return store;
  }

  /**
   * The events of case i alone, exactly as the full run produces them.
   *
   * @example
   * ```ts
   * const events = sim.caseEvents(41);
   * events.at(-1)?.type; // 'closed' for a closed case
   * ```
   */
  caseEvents(i: number): AnyCaseEvent[] {
    // One store for the cases walked one by one (as `run` has), not one per case: a store's
    // columns cost more to set up than a case's walk. A case asked for again gets its own.
    let store = (this.walked ??= new CaseStore({ hierarchy: this.h, categories: this.ctx.categories }, { keepLog: false }));
    if (store.get(this.caseId(i)) !== undefined) store = new CaseStore({ hierarchy: this.h, categories: this.ctx.categories }, { capacity: 16, keepLog: false });
    const out: AnyCaseEvent[] = [];
    this.walk(i, store, (e) => out.push(e));
    return out;
  }

  /**
   * The event `decideCase` gives for `cmd` on a case in state `s` — for commands the scenario
   * has already planned legally (same payload rules, same deadlines, same calendar). The
   * tests hold the two paths to identical output.
   */
  private direct(id: string, s: CaseState | undefined, actor: Actor, cmd: Record<string, unknown>, clock: number): AnyCaseEvent {
    const g = actor.roles[0];
    const cal = this.ctx.calendar;
    const at = s ? Math.max(clock, s.lastAt) : clock;
    const limit = (): TimeLimit => this.ctx.categories.get(s!.category!)!.limits[s!.urgency!]!;
    const ev = (type: string, data: Record<string, unknown>): AnyCaseEvent => {
      for (const k of Object.keys(data)) if (data[k] === undefined) delete data[k];
      return { caseId: id, version: s ? s.version + 1 : 1, type, at, actor: actor.id, role: g.role, roleNode: g.node, data } as AnyCaseEvent;
    };
    const c = cmd as Record<string, never>;
    switch (cmd.type) {
      case 'discover': return ev('discovered', { node: c.node, source: c.source, description: c.description });
      case 'register': return ev('registered', { category: c.category, urgency: c.urgency, description: c.description, dispatchDueAt: addTimeLimit(cal, at, { amount: 1, unit: 'workHours' }) });
      case 'dispatch': return ev('dispatched', { node: c.node, dueAt: addTimeLimit(cal, at, limit()) });
      case 'accept': return ev('accepted', {});
      case 'reportProgress': return ev('progressReported', { note: c.note });
      case 'requestExtension': return ev('extensionRequested', { limit: c.limit, reason: c.reason });
      case 'decideExtension': return c.grant
        ? ev('extensionGranted', { dueAt: addTimeLimit(cal, s!.dueAt, s!.requestedLimit ?? { amount: 0, unit: 'workHours' }), note: c.reason })
        : ev('extensionDenied', { reason: c.reason });
      case 'requestSuspension': return ev('suspensionRequested', { reason: c.reason });
      case 'decideSuspension': return c.grant ? ev('suspensionGranted', { note: c.reason }) : ev('suspensionDenied', { reason: c.reason });
      case 'resume': return ev('resumed', {
        dueAt: s!.dueAt > s!.suspendedAt ? addWorkingMs(cal, at, workingMsBetween(cal, s!.suspendedAt, s!.dueAt)) : s!.dueAt, note: c.note,
      });
      case 'escalate': return ev('escalated', { node: this.h.code(this.h.parents[this.h.indexOf(s!.handler!)]), dueAt: addTimeLimit(cal, at, limit()), reason: c.reason });
      case 'supervise': return ev('supervised', { note: c.note });
      case 'reportHandled': return ev('handled', { result: c.result });
      case 'verify': return ev('verified', { passed: c.passed, note: c.note });
      case 'recordAccountability': return ev('accountabilityRecorded', { person: c.person, measure: c.measure, reason: c.reason });
      case 'giveFeedback': return ev('feedbackGiven', { channel: c.channel, note: c.note });
      case 'followUp': return ev('followedUp', { satisfaction: c.satisfaction, recurred: c.recurred });
      case 'close': return ev('closed', { note: c.note });
      default: throw new Error(`scenario: no direct path for ${String(cmd.type)}`);
    }
  }

  /** Runs case i (through `decideCase` when checked); a refusal is a bug, thrown. */
  private walk(i: number, store: CaseStore, onEvent?: (e: AnyCaseEvent) => void): void {
    const rng = createRng((this.seed * 0x9e3779b1) ^ (i * 0x85ebca6b) ^ 0x51ed);
    const p = this.plan(i, rng);
    const h = this.h;
    const ctx = this.ctx;
    const id = this.caseId(i);
    const unitCode = h.code(p.unit);
    const grid = h.parents[p.unit];
    const village = h.parents[grid];
    const town = h.parents[village];
    const county = h.parents[town];
    let now = p.reportedAt;
    const later = (minMs: number, maxMs: number) => { now += Math.floor(minMs + rng.next() * (maxMs - minMs)); };
    const run = (actor: Actor, cmd: Record<string, unknown>) => {
      ctx.now = now;
      const s = store.get(id);
      let e: AnyCaseEvent;
      if (this.checked) {
        const input = cmd.type === 'discover' ? cmd : { ...cmd, caseId: id, expectedVersion: s ? s.version : 0 };
        const r = decideCase(input, actor, (cid) => store.get(cid), ctx);
        if (!r.ok) throw new Error(`scenario case ${id} ${String(cmd.type)}: ${r.errors.map((x) => `${x.code} ${x.en}`).join('; ')}`);
        e = r.value[0];
      } else {
        e = this.direct(id, s, actor, cmd, now);
      }
      const a = store.apply(e);
      if (!a.ok) throw new Error(`scenario case ${id}: ${a.errors[0].code}`);
      onEvent?.(e);
    };
    const stop = (stage: string) => p.open === stage;

    // ② discovery — by whom depends on the source.
    const reporter = ((): Actor => {
      switch (p.source) {
        case 'patrol': return this.officer(grid, 1);
        case 'citizen': return { id: `cz-${unitCode}`, roles: [{ role: 'citizen', node: unitCode }] };
        case 'hotline': return this.actor('ho-city', 'hotline-operator', h.code(0));
        case 'video': return this.officer(village, 1);
        case 'department': return this.officer(town, 1);
        default: return this.officer(county, 1);
      }
    })();
    ctx.newId = () => id;
    run(reporter, { type: 'discover', node: unitCode, source: p.source, description: `${p.category.name.zh}（${h.name(p.unit)}）` });

    // ③ collection and registration; ④ dispatch to the lowest level that handles it
    // (小事不出村: most at grid or village; some categories go straight to the town).
    const lowest = p.category.handleLevel ? this.level[p.category.handleLevel] : this.level.village;
    let target = lowest >= this.level.grid ? grid : lowest >= this.level.village ? village : lowest >= this.level.town ? town : county;
    if (target === village && rng.next() < 0.06) target = town;
    // 一镇一清单: an enforcement matter the town's catalogue does not list goes to the county.
    if (target === town && p.category.enforcement && !ctx.rules.empowered(h.code(town), p.category.id, ctx.now)) target = county;
    const intake = target === grid ? this.officer(grid, 2) : this.officer(target, 1);
    later(10 * 60_000, 50 * 60_000);
    run(intake, { type: 'register', category: p.category.id, urgency: p.urgency, description: `${p.category.name.zh}：${h.name(p.unit)}` });
    if (stop('registered')) return;
    later(5 * 60_000, 40 * 60_000);
    run(intake, { type: 'dispatch', node: h.code(target) });
    if (stop('dispatched')) return;

    // ⑤ handling
    let handlerPos = target;
    let handler = this.officer(handlerPos, 1);
    later(10 * 60_000, 3 * HOUR);
    run(handler, { type: 'accept' });
    const approver = () => (handlerPos === grid ? this.officer(village, 1) : this.officer(handlerPos, 2));
    if (rng.next() < 0.03 && handlerPos !== county) {
      // 上报: one level up, when the matter outgrows the body (empowered levels only).
      const up = h.parents[handlerPos];
      const upLevel = h.config.levels[h.levelOf[up]].id;
      if (upLevel !== 'city') {
        later(HOUR, DAY);
        run(handler, { type: 'escalate', reason: '超出本级处置能力' });
        handlerPos = up;
        handler = this.officer(handlerPos, 1);
        later(10 * 60_000, 2 * HOUR);
        run(handler, { type: 'accept' });
      }
    }
    if (rng.next() < 0.1) {
      later(HOUR, DAY);
      run(handler, { type: 'reportProgress', note: '已到现场，正在处置' });
    }
    if (rng.next() < 0.04) {
      later(HOUR, DAY);
      run(handler, { type: 'requestExtension', limit: { amount: 2, unit: 'workDays' }, reason: '需协调相关部门' });
      later(30 * 60_000, 4 * HOUR);
      run(approver(), { type: 'decideExtension', grant: rng.next() < 0.85, reason: '同意延期' });
    }
    if (rng.next() < 0.01 || stop('suspended')) {
      later(HOUR, DAY);
      run(handler, { type: 'requestSuspension', reason: '等待司法程序' });
      later(30 * 60_000, 4 * HOUR);
      run(approver(), { type: 'decideSuspension', grant: true, reason: '同意挂账' });
      if (stop('suspended')) return;
      later(2 * DAY, 20 * DAY);
      run(approver(), { type: 'resume', note: '条件具备，恢复办理' });
    }
    if (rng.next() < 0.015) {
      later(HOUR, 2 * DAY);
      run(this.officer(town, 1), { type: 'supervise', note: '请加快办理' });
    }
    if (stop('handling')) return;
    // Most are handled well within the limit; about 4% late.
    const s = store.get(id)!;
    const budget = Math.max(HOUR, s.dueAt - now);
    const share = rng.next() < 0.04 ? 1.05 + rng.next() * 1.5 : 0.1 + rng.next() * 0.8;
    now += Math.floor(budget * share);
    run(handler, { type: 'reportHandled', result: '已处置完毕' });
    if (stop('handled')) return;

    // ⑥ verification by someone else on site; 5% fail and go back (返工). The checks that
    // follow fit in the time left before the deadline when there is some (most cases close
    // on time); a late case takes the usual hours to days.
    // The verifier is outside the handling body (separation of duties): the village for work
    // done in the grid, the grid's worker for work done by a village or higher body.
    const verifier = handlerPos === grid ? this.officer(village, 1) : this.officer(grid, 1);
    const left = store.get(id)!.dueAt - now;
    const step = (share: number, minMs: number, maxMs: number) => {
      if (left > 20 * 60_000) later(Math.max(60_000, left * share * 0.5), Math.max(120_000, left * share));
      else later(minMs, maxMs);
    };
    if (rng.next() < 0.05) {
      later(HOUR, DAY);
      run(verifier, { type: 'verify', passed: false, note: '现场核查未整改到位' });
      later(2 * HOUR, 2 * DAY);
      run(handler, { type: 'reportHandled', result: '返工后已整改' });
      if (rng.next() < 0.01) {
        run(this.officer(town, 1), { type: 'recordAccountability', person: handler.id, measure: '约谈提醒', reason: '处置不到位返工' });
      }
    }
    step(0.3, HOUR, DAY);
    run(verifier, { type: 'verify', passed: true, note: '现场核查已整改' });
    if (stop('verified')) return;
    if (p.source === 'citizen' || p.source === 'hotline') {
      step(0.1, 10 * 60_000, 4 * HOUR);
      run(p.source === 'hotline' ? this.actor('ho-city', 'hotline-operator', h.code(0)) : verifier, { type: 'giveFeedback', channel: 'phone', note: '已电话反馈处理结果' });
    }
    // ⑦ follow-up, then close by the lowest level allowed to close the category.
    step(0.25, DAY, 3 * DAY);
    const sat = rng.next();
    run(verifier, { type: 'followUp', satisfaction: sat < 0.8 ? 5 : sat < 0.95 ? 4 : sat < 0.99 ? 3 : 2, recurred: false });
    const closeLevel = (p.category.closeLevels ?? ['village']).map((l) => this.level[l]).reduce((a, b) => Math.max(a, b), -1);
    const closerPos = closeLevel >= this.level.village ? village : closeLevel >= this.level.town ? town : closeLevel >= this.level.county ? county : 0;
    step(0.1, 10 * 60_000, 4 * HOUR);
    run(closerPos === 0 ? this.actor('ci1-city', 'city-officer', h.code(0)) : this.officer(closerPos, 2), { type: 'close', note: '办结' });
  }
}
