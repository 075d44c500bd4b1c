/**
 * The same rules evaluated from scratch: at every step the whole history so far is folded
 * again and every condition is checked by scanning it. Quadratic — the reference that the
 * incremental {@link AlertEngine} is tested and benchmarked against, not for production.
 * @module
 */
import type { AnyCaseEvent } from '../cases/events.js';
import { foldCase, type CaseState } from '../cases/state.js';
import { workingMsBetween } from '../calendar/calendar.js';
import { feedRules, type AlertEngineContext, type AlertFinding } from './engine.js';
import { ruleCategoryMask, type AlertRuleSet } from './rules.js';
import { coverageStart, endOfLocalDay, localDayOf } from './time.js';
import { need } from '../errors/args.js';
import { RULES } from '../shapes.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OPEN = new Set(['registered', 'dispatched', 'handling', 'suspended', 'handled', 'verified', 'followup']);
const STARTS = new Set(['dispatched', 'escalated', 'reopened']);

/** Earliest x (not before `floor`, the calendar's coverage start: no working time is known before it) with at most `ms` working ms left before `due`, by bisection over `workingMsBetween`. */
function nearStart(ctx: AlertEngineContext, floor: number, due: number, ms: number): number {
  let lo = Math.max(due - 7 * DAY, floor);
  while (workingMsBetween(ctx.calendar, lo, due) <= ms) {
    if (lo === floor) return floor;
    lo = Math.max(due - 2 * (due - lo), floor);
    if (due - lo > 3_660 * DAY) return NaN;
  }
  let hi = due;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (workingMsBetween(ctx.calendar, mid, due) <= ms) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Evaluates the feed-driven rules of a set over a whole event list (in time order) by
 * rescanning the history at each event; `end`, if later than the last event, moves time on
 * as {@link AlertEngine.advance} does. Gives the same findings as the engine (order within
 * one instant aside).
 *
 * @example
 * ```ts
 * const slow = evaluateFromScratch(events, { hierarchy, categories, calendar }, DEFAULT_ALERT_RULES);
 * ```
 */
export function evaluateFromScratch(events: readonly AnyCaseEvent[], ctx: AlertEngineContext, rules: AlertRuleSet, end?: number): AlertFinding[] {
  need('evaluateFromScratch', 'events', events, 'array');
  need('evaluateFromScratch', 'ctx', ctx, 'object', { hierarchy: 'object', categories: 'object', calendar: 'object' });
  need('evaluateFromScratch', 'rules', rules, 'object', RULES);
  need('evaluateFromScratch', 'end', end, 'time?');
  const h = ctx.hierarchy;
  const cats = ctx.categories;
  const out: AlertFinding[] = [];
  const feed = feedRules(rules);
  const masks = feed.map((r) => ruleCategoryMask(r, cats));
  // The deadline rules' floor, derived once (the calendar is checked with it).
  const floor = feed.some((r) => r.kind === 'deadline') ? coverageStart(ctx.calendar) : -Infinity;
  const fired = new Set<string>();
  const episode = feed.map(() => new Map<number, boolean>());
  const history = feed.map(() => new Map<number, number[]>());
  const levelPos = (level: string) => h.config.levels.findIndex((l) => l.id === level);
  const nodeOf = (id: string) => {
    const d = events.find((e) => e.caseId === id && e.type === 'discovered');
    return d && d.type === 'discovered' ? h.indexOf(d.data.node) : -1;
  };
  const catOf = (id: string) => {
    const r = events.find((e) => e.caseId === id && e.type === 'registered');
    return r && r.type === 'registered' ? cats.indexOf(r.data.category) : -1;
  };
  const addressOf = (id: string) => {
    const r = events.find((e) => e.caseId === id && e.type === 'registered');
    return r && r.type === 'registered' ? r.data.address : undefined;
  };
  const prefix = (k: number): { state: CaseState; events: AnyCaseEvent[] }[] => {
    const by = new Map<string, AnyCaseEvent[]>();
    for (let i = 0; i < k; i++) {
      const e = events[i];
      let list = by.get(e.caseId);
      if (!list) by.set(e.caseId, (list = []));
      list.push(e);
    }
    const res: { state: CaseState; events: AnyCaseEvent[] }[] = [];
    for (const list of by.values()) {
      const state = foldCase(list);
      if (state) res.push({ state, events: list });
    }
    return res;
  };
  const clusterCount = (j: number, ri: number): number => {
    const r = feed[ri];
    if (r.kind !== 'cluster') return 0;
    const ej = events[j];
    const lv = levelPos(r.level);
    const a = h.ancestorAt(nodeOf(ej.caseId), lv);
    const c = catOf(ej.caseId);
    let n = 0;
    for (let i = 0; i <= j; i++) {
      const e = events[i];
      if (e.type !== 'registered' || catOf(e.caseId) !== c) continue;
      const p = nodeOf(e.caseId);
      if (p >= 0 && h.ancestorAt(p, lv) === a && e.at > ej.at - r.windowHours * HOUR) n++;
    }
    return n;
  };

  let day = NaN;
  for (let k = 0; k <= events.length; k++) {
    const last = k === events.length;
    const t = last ? end : events[k].at;
    if (t === undefined || (last && !(t > events[k - 1]?.at))) break;
    if (k === 0) day = localDayOf(ctx.calendar, t);
    else {
      const states = prefix(k);
      feed.forEach((r, ri) => {
        if (r.kind !== 'deadline') return;
        for (const { state, events: evs } of states) {
          const c = cats.indexOf(state.category ?? '');
          if (state.status !== 'dispatched' || c < 0 || !masks[ri][c]) continue;
          const start = [...evs].reverse().find((e) => STARTS.has(e.type))!;
          const key = `${r.id}|${state.id}|${start.version}`;
          if (fired.has(key)) continue;
          const x = nearStart(ctx, floor, state.dueAt, r.withinWorkHours * HOUR);
          if (x < t) {
            fired.add(key);
            out.push({ rule: r.id, kind: 'deadline', severity: r.severity, at: x, node: state.node, count: 1, category: state.category!, caseId: state.id });
          }
        }
      });
      for (; day < localDayOf(ctx.calendar, t); day++) {
        const m = endOfLocalDay(ctx.calendar, day);
        feed.forEach((r, ri) => {
          if (r.kind !== 'rise') return;
          const lv = levelPos(r.level);
          const counts = new Map<number, number>();
          for (let i = 0; i < h.size; i++) if (h.levelOf[i] === lv) counts.set(i, 0);
          for (const { state } of states) {
            const c = cats.indexOf(state.category ?? '');
            if (c < 0 || !masks[ri][c]) continue;
            const hit = r.measure === 'open' ? OPEN.has(state.status) : (state.status === 'dispatched' || state.status === 'handling') && state.dueAt <= m;
            const a = h.ancestorAt(h.indexOf(state.node), lv);
            if (hit && a >= 0) counts.set(a, counts.get(a)! + 1);
          }
          for (const [a, n] of counts) {
            const past = history[ri].get(a) ?? [];
            const base = past.slice(-r.baselineDays);
            const sum = base.reduce((x, y) => x + y, 0);
            const cond = base.length === r.baselineDays && n >= r.minCount && n * r.baselineDays > r.factor * sum;
            if (cond && !episode[ri].get(a)) out.push({ rule: r.id, kind: 'rise', severity: r.severity, at: m, node: h.code(a), count: n, baseline: sum / r.baselineDays });
            episode[ri].set(a, cond);
            past.push(n);
            history[ri].set(a, past);
          }
        });
      }
    }
    if (last) break;
    const e = events[k];
    const c = catOf(e.caseId);
    if (c < 0) continue;
    feed.forEach((r, ri) => {
      if (!masks[ri][c]) return;
      if (r.kind === 'cluster' && e.type === 'registered') {
        const a = h.ancestorAt(nodeOf(e.caseId), levelPos(r.level));
        if (a < 0) return;
        let prev = -1;
        for (let j = k - 1; j >= 0 && prev < 0; j--) {
          const p = events[j];
          if (p.type === 'registered' && catOf(p.caseId) === c && h.ancestorAt(nodeOf(p.caseId), levelPos(r.level)) === a) prev = j;
        }
        const n = clusterCount(k, ri);
        if (n >= r.minCases && !(prev >= 0 && clusterCount(prev, ri) >= r.minCases)) {
          out.push({ rule: r.id, kind: 'cluster', severity: r.severity, at: e.at, node: h.code(a), count: n, category: cats.list[c].id });
        }
      } else if (r.kind === 'recurrence' && e.type === 'registered') {
        const pos = nodeOf(e.caseId);
        const addr = addressOf(e.caseId);
        if (pos < 0 || (r.by === 'address' && addr === undefined)) return;
        const hit = events.slice(0, k).some((p) => p.type === 'closed' && catOf(p.caseId) === c && p.at >= e.at - r.withinDays * DAY
          && (r.by === 'node' ? nodeOf(p.caseId) === pos : addressOf(p.caseId) === addr));
        if (hit) out.push({ rule: r.id, kind: 'recurrence', severity: r.severity, at: e.at, node: h.code(pos), count: 1, category: cats.list[c].id, caseId: e.caseId });
      } else if (r.kind === 'deadline' && STARTS.has(e.type)) {
        const due = (e.data as { dueAt: number }).dueAt;
        const x = nearStart(ctx, floor, due, r.withinWorkHours * HOUR);
        if (x <= e.at) {
          fired.add(`${r.id}|${e.caseId}|${e.version}`);
          out.push({ rule: r.id, kind: 'deadline', severity: r.severity, at: e.at, node: h.code(nodeOf(e.caseId)), count: 1, category: cats.list[c].id, caseId: e.caseId });
        }
      }
    });
  }
  return out;
}
