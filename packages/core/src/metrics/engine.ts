/**
 * The metrics engine: one pass over the case facts into a typed array per node, a roll-up
 * along the parent array (children follow their parents in pre-order, so a reverse loop
 * adds every node into its parent in O(n)), and then any indicator of any node in O(1).
 * Other slices (category, topic, source, closing level, child, period series) scan only the
 * cases of the node's subtree, which a counting sort by node makes one contiguous range.
 * One changed case costs O(depth): the delta of its old and new fact rows is applied to its
 * node and the node's ancestors.
 * @module
 */
import { argumentError, isObject, needObject } from '../errors/args.js';
import { CASE_SOURCES, type CaseFacts } from '../cases/facts.js';
import { issue, ok, fail, JcError, type JcIssue, type LocalizedText, type Result } from '../errors/errors.js';
import type { HierarchyIndex } from '../hierarchy/contract.js';
import type { CoverageFigure } from '../overlay/types.js';
import {
  builtinIndicators, builtinMeasures, type CompositeDef, type IndicatorDef,
} from './indicators.js';
import {
  compileMeasures, measureSampler, type CompiledMeasures, type KernelParams,
} from './measure.js';
import { describePeriod, periodKeys, periodOf, periodRange, shiftPeriod, type PeriodInfo, type PeriodRef, type PeriodUnit, type TimeRange } from './period.js';
import { readFactRow, writeFactRow } from './row.js';
import type {
  CaseFactRow, CaseFilter, IndicatorValue, MetricsOptions, NodeFigures, NodeMeasureInput, RankedNode, ScoreResult,
  SeriesOptions, SeriesPoint, SliceBy, SliceOptions, SliceRow, SubtreeMeasureInput,
} from './types.js';
import { need } from '../errors/args.js';


function isRange(p: PeriodRef | TimeRange): p is TimeRange {
  return 'from' in p;
}

const EMPTY: IndicatorValue = Object.freeze({ value: null, numerator: 0, denominator: null });

/**
 * Figures for a hierarchy and its case facts. Build with {@link createMetrics}.
 *
 * @example
 * ```ts
 * const r = createMetrics({ hierarchy, facts, now: Date.now() });
 * if (r.ok) {
 *   const m = r.value;
 *   m.value(0, 'closeRate');            // { value, numerator, denominator }
 *   m.children(0);                       // the counties' figures (drill-down)
 *   m.series(0, { unit: 'month' });      // twelve months of every indicator
 * }
 * ```
 */
export class Metrics {
  readonly hierarchy: HierarchyIndex;
  /** The facts read (replaced by {@link Metrics.update} when the store reallocates them). */
  facts: CaseFacts;
  readonly now: number;
  readonly period: PeriodInfo | TimeRange | null;
  readonly filter: CaseFilter;
  /** Indicators in order. */
  readonly indicators: IndicatorDef[];
  /** Compiled case measures. */
  readonly measures: CompiledMeasures;
  /** Node measure codes, in order. */
  readonly nodeMeasureCodes: string[];
  private readonly opts: MetricsOptions;
  private readonly byCode: Map<string, IndicatorDef>;
  private readonly M: number;
  /** Rolled-up case-measure totals, node-major: measure m of node i at `acc[i × M + m]`. */
  private readonly acc: Float64Array;
  /** Rolled-up node measures, one column each. */
  private readonly cols = new Map<string, Float64Array>();
  private readonly params: KernelParams;
  private readonly samplers = new Map<string, ReturnType<typeof measureSampler>>();
  private readonly subtree: Map<string, SubtreeMeasureInput>;
  private order: Int32Array | null = null;
  private startOf: Int32Array | null = null;
  private rows: number;
  private readonly keyCache = new Map<PeriodUnit, Float64Array>();
  /** Rows grouped by the month they were reported in (see `monthRows`); dropped with `keyCache`. */
  private byMonth: { order: Int32Array; start: Int32Array; first: number } | null = null;
  private lastGroupMap: { key: string; map: Int32Array } | null = null;
  /** The largest category position in the facts (a breakdown's group count), or null when to be counted again. */
  private catMax: number | null = null;
  private readonly scratch: CaseFacts;
  private readonly d0: Float64Array;
  private readonly d1: Float64Array;

  /** @internal use {@link createMetrics} */
  constructor(opts: MetricsOptions, measures: CompiledMeasures, indicators: IndicatorDef[], nodeMeasures: NodeMeasureInput[], subtree: SubtreeMeasureInput[] = []) {
    need('Metrics', 'opts', opts, 'object');
    need('Metrics', 'measures', measures, 'object');
    need('Metrics', 'indicators', indicators, 'array');
    need('Metrics', 'nodeMeasures', nodeMeasures, 'array');
    need('Metrics', 'subtree', subtree, 'array');
    this.opts = opts;
    this.subtree = new Map(subtree.map((x) => [x.code, x]));
    this.hierarchy = opts.hierarchy;
    this.facts = opts.facts;
    this.now = opts.now;
    this.filter = opts.filter ?? {};
    this.period = opts.period ? (isRange(opts.period) ? { ...opts.period } : describePeriod(opts.period)) : null;
    this.measures = measures;
    this.indicators = indicators;
    this.byCode = new Map(indicators.map((d) => [d.code, d]));
    this.M = measures.codes.length;
    this.params = this.paramsFor(opts.period, this.filter);
    const size = this.hierarchy.size;
    this.rows = this.facts.length;
    // one pass, node-major (a row's measures are adjacent), then one column per measure
    const M = this.M;
    const acc = new Float64Array(size * M);
    this.measures.kernel(this.facts, this.blockOrder(), 0, this.rows, null, null, 0, -1, size, acc, this.params);
    rollUpRows(acc, M, this.hierarchy.parents, size);
    this.acc = acc;
    this.nodeMeasureCodes = nodeMeasures.map((n) => n.code);
    for (const nm of nodeMeasures) {
      const col = new Float64Array(size);
      col.set(nm.own);
      for (let i = 0; i < size; i++) if (col[i] !== col[i]) col[i] = 0;
      rollUp(col, this.hierarchy.parents, size);
      this.cols.set(nm.code, col);
    }
    // two scratch rows for incremental updates
    this.scratch = {
      length: 2, caseIds: [], node: new Int32Array(2), category: new Uint16Array(2), source: new Uint8Array(2),
      status: new Uint8Array(2), reportedAt: new Float64Array(2), registeredAt: new Float64Array(2),
      dispatchedAt: new Float64Array(2), dispatchDueAt: new Float64Array(2), handledAt: new Float64Array(2),
      dueAt: new Float64Array(2), closedAt: new Float64Array(2), closedLevel: new Int8Array(2),
      rework: new Uint8Array(2), escalations: new Uint8Array(2), extensions: new Uint8Array(2), satisfaction: new Uint8Array(2),
    };
    this.d0 = new Float64Array(this.M);
    this.d1 = new Float64Array(this.M);
  }

  /**
   * Rows bucketed by blocks of consecutive node positions (ascending within a block), so that
   * the one pass adds into a few MB of the accumulator at a time instead of jumping across
   * all of it (cache and TLB misses dominate otherwise).
   */
  private blockOrder(): Int32Array | null {
    const n = this.rows, size = this.hierarchy.size;
    const blockNodes = Math.max(1024, Math.floor((4 << 20) / (8 * Math.max(1, this.M))));
    if (size <= blockNodes || n < 65536) return null;
    const shift = Math.floor(Math.log2(blockNodes));
    const nb = (size >> shift) + 1;
    const cnt = new Int32Array(nb + 1);
    const node = this.facts.node;
    for (let i = 0; i < n; i++) { const v = node[i]; if (v >= 0 && v < size) cnt[(v >> shift) + 1]++; }
    for (let j = 0; j < nb; j++) cnt[j + 1] += cnt[j];
    const order = new Int32Array(cnt[nb]);
    for (let i = 0; i < n; i++) { const v = node[i]; if (v >= 0 && v < size) order[cnt[v >> shift]++] = i; }
    return order;
  }

  private paramsFor(period: PeriodRef | TimeRange | undefined, filter: CaseFilter): KernelParams {
    const r = period ? (isRange(period) ? period : periodRange(period)) : null;
    let catMask: Uint8Array | null = null;
    if (filter.categories) {
      catMask = new Uint8Array(Math.max(0, ...filter.categories) + 1);
      for (const c of filter.categories) if (c >= 0) catMask[c] = 1;
    }
    if (filter.topics) {
      const map = this.opts.categoryTopics ?? [];
      const topics = new Set(filter.topics);
      const mask = new Uint8Array(map.length);
      for (let c = 0; c < map.length; c++) mask[c] = topics.has(map[c]) && (catMask === null || catMask[c] === 1) ? 1 : 0;
      catMask = mask;
    }
    let srcMask: Uint8Array | null = null;
    if (filter.sources) {
      srcMask = new Uint8Array(CASE_SOURCES.length);
      for (const s of filter.sources) srcMask[CASE_SOURCES.indexOf(s)] = 1;
    }
    return { asOf: this.now, from: r ? r.from : -Infinity, to: r ? r.to : Infinity, bounded: r !== null, catMask, srcMask, lo: 0, hi: this.hierarchy.size };
  }

  // ---- reading the aggregate ------------------------------------------------------------

  private indicator(code: string): IndicatorDef {
    const d = this.byCode.get(code);
    if (!d) throw new JcError(issue('E_METRIC_UNKNOWN', `未知指标：${code}`, `unknown indicator: ${code}`));
    return d;
  }

  /** A measure's raw sum for a node, from the aggregate (case or node measure). */
  private raw(node: number, code: string): number {
    const m = this.measures.indexOf.get(code);
    if (m !== undefined) return this.acc[node * this.M + m];
    const col = this.cols.get(code);
    if (col) return col[node];
    const f = this.subtree.get(code);
    return f ? f.subtree(node) : NaN;
  }

  /**
   * A measure's total for a node (case measures for the engine's period and filter, node
   * measures as given).
   *
   * @example
   * ```ts
   * metrics.measure(0, 'dueToClose'); // 972
   * ```
   */
  measure(node: number, code: string): number {
    return this.raw(node, code);
  }

  private valueFrom(d: IndicatorDef, get: (code: string) => number): IndicatorValue {
    const num = get(d.numerator);
    if (d.unit === 'count' || d.denominator === undefined) return { value: num, numerator: num, denominator: null };
    const den = get(d.denominator);
    if (num !== num || den !== den) return EMPTY;
    const value = den === 0 ? null : (num / den) * (d.unit === 'percent' ? 100 : 1);
    return { value, numerator: num, denominator: den };
  }

  /**
   * One indicator of one node. Medians scan the node's cases; everything else is O(1).
   *
   * @example
   * ```ts
   * metrics.value(town, 'onTimeCloseRate'); // { value: 75.82, numerator: 737, denominator: 972 }
   * ```
   */
  value(node: number, code: string): IndicatorValue {
    this.checkNode(node);
    const d = this.indicator(code);
    if (d.aggregate === 'median') return this.medianOf(node, d, this.params);
    return this.valueFrom(d, (c) => this.raw(node, c));
  }

  /** Column readers of the non-median indicators, built on first use. */
  private readerList: { code: string; num: Source; den: Source | null; scale: number }[] | null = null;

  /** Where a measure's per-node totals live: a strided array, or a per-subtree function. */
  private source(c: string): Source {
    const m = this.measures.indexOf.get(c);
    if (m !== undefined) return { arr: this.acc, stride: this.M, off: m };
    const col = this.cols.get(c);
    return col ? { arr: col, stride: 1, off: 0 } : this.subtree.get(c)!;
  }

  private readers() {
    if (this.readerList) return this.readerList;
    const src = (c: string) => this.source(c);
    this.readerList = this.indicators.filter((d) => d.aggregate !== 'median').map((d) => ({
      code: d.code,
      num: src(d.numerator),
      den: d.unit === 'count' || d.denominator === undefined ? null : src(d.denominator),
      scale: d.unit === 'percent' ? 100 : 1,
    }));
    return this.readerList;
  }

  private checkNode(node: number): void {
    if (!(node >= 0 && node < this.hierarchy.size) || !Number.isInteger(node)) {
      throw new JcError(issue('E_NO_NODE', `节点不存在：${node}`, `no such node: ${node}`));
    }
  }

  private codesFor(codes: string[] | undefined, medians: boolean): IndicatorDef[] {
    const defs = codes ? codes.map((c) => this.indicator(c)) : this.indicators;
    return medians ? defs : defs.filter((d) => d.aggregate !== 'median');
  }

  /**
   * All indicators of one node (medians only with `{ medians: true }`, which scans).
   *
   * @example
   * ```ts
   * const f = metrics.figures(hierarchy.indexOf('350304000000'));
   * console.log(f.name.zh, f.values.banjieRate.value);
   * ```
   */
  figures(node: number, opts: { codes?: string[]; medians?: boolean } = {}): NodeFigures {
    this.checkNode(node);
    const values: Record<string, IndicatorValue> = {};
    if (!opts.codes && !opts.medians) {
      // the drill-down path: straight column reads
      for (const r of this.readers()) {
        const num = 'arr' in r.num ? r.num.arr[node * r.num.stride + r.num.off] : r.num.subtree(node);
        if (r.den === null) { values[r.code] = { value: num, numerator: num, denominator: null }; continue; }
        const den = 'arr' in r.den ? r.den.arr[node * r.den.stride + r.den.off] : r.den.subtree(node);
        values[r.code] = num !== num || den !== den ? EMPTY : { value: den === 0 ? null : (num / den) * r.scale, numerator: num, denominator: den };
      }
      return this.wrap(node, values);
    }
    for (const d of this.codesFor(opts.codes, !!opts.medians)) {
      values[d.code] = d.aggregate === 'median' ? this.medianOf(node, d, this.params) : this.valueFrom(d, (c) => this.raw(node, c));
    }
    return this.wrap(node, values);
  }

  private wrap(node: number, values: Record<string, IndicatorValue>): NodeFigures {
    const h = this.hierarchy;
    return { node, code: h.code(node), name: { zh: h.name(node), en: h.nameEn(node) }, level: h.level(node).id, period: this.period, values };
  }

  /**
   * The figures of a node's children — the drill-down (O(children × indicators)).
   *
   * @example
   * ```ts
   * metrics.children(0).map((f) => [f.name.zh, f.values.closeRate.value]);
   * ```
   */
  children(node: number, opts: { codes?: string[] } = {}): NodeFigures[] {
    this.checkNode(node);
    return this.hierarchy.children(node).map((c) => this.figures(c, opts));
  }

  /**
   * One indicator for every node, as a column (NaN where the denominator is 0). Not for
   * medians.
   *
   * @example
   * ```ts
   * const rate = metrics.column('closeRate'); rate[0]; // the city's close rate
   * ```
   */
  column(code: string): Float64Array {
    const d = this.indicator(code);
    if (d.aggregate === 'median') {
      throw new JcError(issue('E_METRIC_MEDIAN_COLUMN', `中位数指标 ${code} 不能整列计算`, `median indicator ${code} has no whole-tree column`));
    }
    return this.columns([code])[code];
  }

  /**
   * Every (non-median) indicator for every node, as columns keyed by indicator code. One
   * sweep over the nodes (reading each node's figures once).
   *
   * @example
   * ```ts
   * const cols = metrics.columns(); cols.banjieRate[hierarchy.indexOf('350302000000')];
   * ```
   */
  columns(codes?: string[]): Record<string, Float64Array> {
    const size = this.hierarchy.size;
    const defs = this.codesFor(codes, false);
    const strided = (c: string): { arr: Float64Array; stride: number; off: number } => {
      const x = this.source(c);
      if ('arr' in x) return x;
      const col = new Float64Array(size);
      for (let i = 0; i < size; i++) col[i] = x.subtree(i);
      return { arr: col, stride: 1, off: 0 };
    };
    const J = defs.length;
    const nA: Float64Array[] = [], nS = new Int32Array(J), nO = new Int32Array(J);
    const dA: Float64Array[] = [], dS = new Int32Array(J), dO = new Int32Array(J), sc = new Float64Array(J);
    const outs: Float64Array[] = [];
    defs.forEach((d, j) => {
      const n = strided(d.numerator);
      nA.push(n.arr); nS[j] = n.stride; nO[j] = n.off;
      if (d.unit === 'count' || d.denominator === undefined) { dA.push(n.arr); dS[j] = 0; dO[j] = -1; }
      else { const q = strided(d.denominator); dA.push(q.arr); dS[j] = q.stride; dO[j] = q.off; }
      sc[j] = d.unit === 'percent' ? 100 : 1;
      outs.push(new Float64Array(size));
    });
    fillColumns(size, J, nA, nS, nO, dA, dS, dO, sc, outs);
    const out: Record<string, Float64Array> = {};
    defs.forEach((d, j) => { out[d.code] = outs[j]; });
    return out;
  }

  // ---- scans ----------------------------------------------------------------------------

  private ensureOrder(): void {
    if (this.order !== null) return;
    const size = this.hierarchy.size;
    const n = this.rows;
    const node = this.facts.node;
    const start = new Int32Array(size + 1);
    for (let i = 0; i < n; i++) { const v = node[i]; if (v >= 0 && v < size) start[v + 1]++; }
    for (let v = 0; v < size; v++) start[v + 1] += start[v];
    const fill = start.slice(0, size);
    const order = new Int32Array(start[size]);
    for (let i = 0; i < n; i++) { const v = node[i]; if (v >= 0 && v < size) order[fill[v]++] = i; }
    this.order = order;
    this.startOf = start;
  }

  /** The rows of the subtree of `node`, as a range of the node-sorted order. */
  private rangeOf(node: number): [number, number] {
    this.ensureOrder();
    return [this.startOf![node], this.startOf![this.hierarchy.ends[node]]];
  }

  /**
   * Runs the kernel over the rows of `node`'s subtree: through the node-sorted order for a
   * small subtree, or sequentially over all rows with a node-range test for a large one
   * (gathering a large share of rows in node order would miss the cache on every column).
   */
  private scan(node: number, P: KernelParams, keys: ArrayLike<number> | null, map: ArrayLike<number> | null, off: number, cg: number, G: number, acc: Float64Array): void {
    const [a, b] = this.rangeOf(node);
    const Q: KernelParams = { ...P, lo: node, hi: this.hierarchy.ends[node] };
    const months = (b - a) * 8 > this.rows ? this.monthRows(P, b - a) : null;
    if (months) this.measures.kernel(this.facts, months.order, months.a, months.b, keys, map, off, cg, G, acc, Q);
    else if ((b - a) * 8 > this.rows) this.measures.kernel(this.facts, null, 0, this.rows, keys, map, off, cg, G, acc, Q);
    else this.measures.kernel(this.facts, this.order, a, b, keys, map, off, cg, G, acc, Q);
  }

  /**
   * For a large subtree and a short period: the rows reported in the months that the period
   * touches (a superset of its rows, which the kernel still filters by period and subtree),
   * as a range of the month-sorted order — when they are fewer than a quarter of `within`
   * rows; else null (a sequential pass over all rows is then the cheaper). A city's month is
   * a 120th of a ten-year history: this is what makes a dashboard slice of the city cheap.
   */
  private monthRows(P: KernelParams, within: number): { order: Int32Array; a: number; b: number } | null {
    if (!P.bounded || !Number.isFinite(P.from) || !Number.isFinite(P.to) || P.to <= P.from) return null;
    if (!this.byMonth) {
      const keys = this.periodKeys('month'), n = this.rows;
      let lo = Infinity, hi = -Infinity;
      for (let i = 0; i < n; i++) { const k = keys[i]; if (k < lo) lo = k; if (k > hi) hi = k; }
      const span = hi >= lo ? hi - lo + 1 : 0;
      if (span > 100_000) return null; // implausible dates: not worth an index
      const start = new Int32Array(span + 1);
      for (let i = 0; i < n; i++) { const k = keys[i]; if (k === k) start[k - lo + 1]++; }
      for (let g = 0; g < span; g++) start[g + 1] += start[g];
      const fill = start.slice(0, span), order = new Int32Array(start[span]);
      for (let i = 0; i < n; i++) { const k = keys[i]; if (k === k) order[fill[k - lo]++] = i; }
      this.byMonth = { order, start, first: lo };
    }
    const { order, start, first } = this.byMonth;
    const span = start.length - 1;
    const g0 = Math.min(span, Math.max(0, periodOf(P.from, 'month').key - first));
    const g1 = Math.min(span, Math.max(0, periodOf(P.to - 1, 'month').key - first + 1));
    const a = start[g0], b = start[Math.max(g0, g1)];
    return (b - a) * 4 < within ? { order, a, b } : null;
  }

  private periodKeys(unit: PeriodUnit): Float64Array {
    let k = this.keyCache.get(unit);
    if (!k) { k = periodKeys(this.facts.reportedAt, this.rows, unit); this.keyCache.set(unit, k); }
    return k;
  }

  private medianOf(node: number, d: IndicatorDef, P: KernelParams): IndicatorValue {
    let s = this.samplers.get(d.numerator);
    if (!s) { s = measureSampler(this.measures, d.numerator); this.samplers.set(d.numerator, s); }
    const [a, b] = this.rangeOf(node);
    const out: number[] = [];
    const Q: KernelParams = { ...P, lo: node, hi: this.hierarchy.ends[node] };
    const months = (b - a) * 8 > this.rows ? this.monthRows(P, b - a) : null;
    if (months) s(this.facts, months.order, months.a, months.b, Q, out);
    else if ((b - a) * 8 > this.rows) s(this.facts, null, 0, this.rows, Q, out);
    else s(this.facts, this.order, a, b, Q, out);
    if (out.length === 0) return { value: null, numerator: 0, denominator: 0 };
    const xs = Float64Array.from(out).sort();
    const mid = xs.length >> 1;
    const med = xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
    return { value: med, numerator: med, denominator: xs.length };
  }

  /**
   * Node position → index of the group (child, or descendant of a level) it falls in, −1
   * outside; the last one kept, since a dashboard asks for the same node's children again
   * (the hierarchy never changes, so it never goes stale).
   */
  private groupMap(node: number, by: string, level: string | undefined, groups: readonly number[]): Int32Array {
    const key = `${by}:${node}:${level ?? ''}`;
    if (this.lastGroupMap?.key === key) return this.lastGroupMap.map;
    const ends = this.hierarchy.ends;
    const map = new Int32Array(this.hierarchy.size).fill(-1);
    groups.forEach((c, j) => map.fill(j, c, ends[c]));
    this.lastGroupMap = { key, map };
    return map;
  }

  /** The nodes of a level inside the subtree of `node`, in pre-order. */
  private descendantsAt(node: number, level: string | undefined): number[] {
    const L = this.hierarchy.config.levels.findIndex((l) => l.id === level);
    if (L < 0) throw new JcError(issue('E_METRIC_LEVEL', `层级不存在：${String(level)}`, `no such level: ${String(level)}`));
    const out: number[] = [];
    const lv = this.hierarchy.levelOf, end = this.hierarchy.ends[node];
    for (let i = node; i < end; i++) if (lv[i] === L) out.push(i);
    return out;
  }

  private label(by: SliceBy, key: number): LocalizedText {
    const o = this.opts;
    switch (by) {
      case 'category': return o.categoryNames?.[key] ?? { zh: `类别${key}`, en: `category ${key}` };
      case 'topic': return o.topicNames?.[key] ?? { zh: `专题${key}`, en: `topic ${key}` };
      case 'source': return { zh: SOURCE_NAMES[key]?.zh ?? String(key), en: SOURCE_NAMES[key]?.en ?? String(key) };
      case 'closedLevel': return this.hierarchy.config.levels[key]?.name ?? { zh: String(key), en: String(key) };
      default: return { zh: '合计', en: 'total' };
    }
  }

  /**
   * The node's cases grouped one way, for any period and filter: by nothing, child node,
   * descendant node of a level (`by: 'descendants', level`), category, topic, source or the
   * level that closed them. Node measures (units, patrol, coverage) appear in node groups
   * with the engine's values, not recomputed for the period. Costs one pass over the cases of
   * the node's subtree.
   *
   * @example
   * ```ts
   * metrics.slice(0, { by: 'topic', period: { unit: 'quarter', key: 2024 * 4 } })
   *   .map((r) => [r.label.zh, r.values.collected.value]);
   * // 2025-01-01 to 03-05 as it stood on 03-05 (what was closed or overdue then)
   * const until = Date.parse('2025-03-05T00:00:00+08:00');
   * metrics.slice(0, { period: { from: Date.parse('2025-01-01T00:00:00+08:00'), to: until }, asOf: until, codes: ['closeRate'] });
   * ```
   */
  slice(node: number, opts: SliceOptions = {}): SliceRow[] {
    this.checkNode(node);
    const by = opts.by ?? 'none';
    if (opts.asOf !== undefined && (typeof opts.asOf !== 'number' || !Number.isFinite(opts.asOf))) {
      throw argumentError('Metrics.slice', 'opts.asOf', { zh: '有限的时间戳（毫秒）', en: 'a finite time in epoch milliseconds' });
    }
    const P0 = opts.period || opts.filter ? this.paramsFor(opts.period ?? this.opts.period, opts.filter ?? this.filter) : this.params;
    const P = opts.asOf === undefined ? P0 : { ...P0, asOf: opts.asOf };
    const defs = this.codesFor(opts.codes, !!opts.medians);
    const M = this.M;
    const C = this.facts;
    let G: number;
    let acc: Float64Array;
    let nodes: number[] | null = null;
    if (by === 'none') {
      G = 1; acc = new Float64Array(M);
      this.scan(node, P, null, null, 0, 0, 1, acc);
      nodes = [node];
    } else if (by === 'child' || by === 'descendants') {
      const kids = by === 'child' ? this.hierarchy.children(node) : this.descendantsAt(node, opts.level);
      nodes = kids;
      G = kids.length; acc = new Float64Array(G * M);
      const [a, b] = this.rangeOf(node);
      if ((b - a) * 8 > this.rows) {
        this.scan(node, P, C.node, this.groupMap(node, by, opts.level, kids), 0, -1, G, acc);
      } else {
        kids.forEach((c, j) => this.scan(c, P, null, null, 0, j, G, acc));
      }
    } else {
      let keys: ArrayLike<number>;
      let map: ArrayLike<number> | null = null;
      if (by === 'category') { keys = C.category; G = Math.max(this.opts.categoryNames?.length ?? 0, (this.catMax ??= maxOf(C.category, this.rows)) + 1); }
      else if (by === 'topic') { keys = C.category; map = this.opts.categoryTopics ?? []; G = Math.max(this.opts.topicNames?.length ?? 0, maxOf(map, map.length) + 1); }
      else if (by === 'source') { keys = C.source; G = CASE_SOURCES.length; }
      else { keys = C.closedLevel; G = this.hierarchy.config.levels.length; }
      acc = new Float64Array(G * M);
      this.scan(node, P, keys, map, 0, -1, G, acc);
    }
    const out: SliceRow[] = [];
    const collected = this.measures.indexOf.get('collected');
    for (let g = 0; g < G; g++) {
      const o = g * M;
      if (!nodes && !opts.empty && collected !== undefined && acc[o + collected] === 0) continue;
      const nodePos = nodes ? nodes[g] : -1;
      const get = (c: string): number => {
        const m = this.measures.indexOf.get(c);
        if (m !== undefined) return acc[o + m];
        return nodePos >= 0 ? this.raw(nodePos, c) : NaN;
      };
      const values: Record<string, IndicatorValue> = {};
      for (const d of defs) {
        if (d.aggregate === 'median') { if (nodePos >= 0) values[d.code] = this.medianOf(nodePos, d, P); continue; }
        values[d.code] = this.valueFrom(d, get);
      }
      const row: SliceRow = nodes
        ? { key: g, node: nodePos, label: { zh: this.hierarchy.name(nodePos), en: this.hierarchy.nameEn(nodePos) }, values }
        : { key: g, label: this.label(by, g), values };
      out.push(row);
    }
    return out;
  }

  /**
   * A time series of a node's indicators: `count` consecutive periods ending with `to`
   * (cohorts by reported time). One pass over the node's cases.
   *
   * @example
   * ```ts
   * metrics.series(0, { unit: 'month', count: 12, codes: ['collected', 'closed', 'banjieRate'] })
   *   .map((p) => [p.period.label, p.values.banjieRate.value]);
   * ```
   */
  series(node: number, opts: SeriesOptions): SeriesPoint[] {
    this.checkNode(node);
    const count = Math.max(1, Math.floor(opts.count ?? 12));
    const last = opts.to ?? periodOf(this.now, opts.unit);
    if (last.unit !== opts.unit) throw new JcError(issue('E_METRIC_PERIOD_UNIT', '时间序列的截止周期单位不一致', 'the series end period has another unit'));
    const first = shiftPeriod(last, -(count - 1));
    const P = this.paramsFor({ from: periodRange(first).from, to: periodRange(last).to }, opts.filter ?? this.filter);
    const defs = this.codesFor(opts.codes, false);
    const M = this.M;
    const acc = new Float64Array(count * M);
    this.scan(node, P, this.periodKeys(opts.unit), null, first.key, -1, count, acc);
    const out: SeriesPoint[] = [];
    for (let g = 0; g < count; g++) {
      const o = g * M;
      const get = (c: string): number => { const m = this.measures.indexOf.get(c); return m === undefined ? NaN : acc[o + m]; };
      const values: Record<string, IndicatorValue> = {};
      for (const d of defs) values[d.code] = this.valueFrom(d, get);
      out.push({ period: describePeriod(shiftPeriod(first, g)), values });
    }
    return out;
  }

  /**
   * The node's children — or, with `level`, every node of that level in its subtree (all
   * towns of the city) — ranked by an indicator (best first by the indicator's `better`, or
   * as asked; nodes without a value last). With `period`, ranks that period's cohort.
   *
   * @example
   * ```ts
   * metrics.rank(0, 'overdue', { limit: 3 }); // the three counties with the fewest overdue cases
   * ```
   */
  rank(node: number, code: string, opts: { order?: 'asc' | 'desc'; limit?: number; period?: PeriodRef | TimeRange; filter?: CaseFilter; level?: string } = {}): RankedNode[] {
    const d = this.indicator(code);
    const rows: { node: number; v: IndicatorValue }[] = opts.period || opts.filter
      ? this.slice(node, { by: opts.level ? 'descendants' : 'child', level: opts.level, period: opts.period, filter: opts.filter, codes: [code], medians: true }).map((r) => ({ node: r.node!, v: r.values[code] }))
      : (opts.level ? this.descendantsAt(node, opts.level) : this.hierarchy.children(node)).map((c) => ({ node: c, v: this.value(c, code) }));
    const desc = (opts.order ?? (d.better === 'lower' ? 'asc' : 'desc')) === 'desc';
    rows.sort((x, y) => {
      const a = x.v.value, b = y.v.value;
      if (a === null || b === null) return a === null ? (b === null ? x.node - y.node : 1) : -1;
      return a === b ? x.node - y.node : desc ? b - a : a - b;
    });
    const h = this.hierarchy;
    return rows.slice(0, opts.limit ?? rows.length).map((r, i) => ({
      rank: i + 1, node: r.node, code: h.code(r.node), name: { zh: h.name(r.node), en: h.nameEn(r.node) }, ...r.v,
    }));
  }

  /**
   * A composite score for a node: parts scored 0–100, weighted mean over parts that have a
   * value, then graded by the first threshold reached.
   *
   * @example
   * ```ts
   * metrics.score(0, DEFAULT_COMPOSITE); // { code: 'assessment', score: 91.3, grade: 'A', parts: [...] }
   * ```
   */
  score(node: number, def: CompositeDef, values?: Record<string, IndicatorValue>): ScoreResult {
    let sum = 0, wsum = 0;
    const parts = def.parts.map((p) => {
      const d = this.indicator(p.indicator);
      const v = values?.[p.indicator]?.value ?? (values ? null : this.value(node, p.indicator).value);
      let s: number | null = null;
      if (v !== null && v === v) {
        const zero = p.zero ?? (d.better === 'lower' ? 100 : 0);
        const full = p.full ?? (d.better === 'lower' ? 0 : 100);
        s = Math.min(100, Math.max(0, ((v - zero) / (full - zero)) * 100));
        sum += s * p.weight; wsum += p.weight;
      }
      return { indicator: p.indicator, weight: p.weight, value: v, score: s };
    });
    const score = wsum > 0 ? sum / wsum : null;
    const grade = score === null ? null : (def.grades.find((g) => score >= g.min)?.grade ?? null);
    return { code: def.code, score, grade, parts };
  }

  // ---- incremental updates --------------------------------------------------------------

  /**
   * Applies one case's change: `before` is its fact row before the change (null for a new
   * case), `after` the row now (null if removed). Costs O(depth × measures). The caller
   * changes the facts themselves; call this for every change so that scans and the
   * aggregate agree.
   *
   * @example
   * ```ts
   * const before = readFactRow(facts, i);
   * facts.closedAt[i] = now; facts.status[i] = CASE_STATUSES.indexOf('closed');
   * metrics.apply(before, readFactRow(facts, i));
   * ```
   */
  apply(before: CaseFactRow | null, after: CaseFactRow | null): void {
    const M = this.M;
    const d0 = this.d0, d1 = this.d1, S = this.scratch, k = this.measures.kernel, size = this.hierarchy.size;
    d0.fill(0); d1.fill(0);
    if (before) { writeFactRow(S, 0, before); k(S, null, 0, 1, null, null, 0, 0, 1, d0, this.params); }
    if (after) { writeFactRow(S, 1, after); k(S, null, 1, 2, null, null, 0, 0, 1, d1, this.params); }
    const parents = this.hierarchy.parents;
    const acc = this.acc;
    const nb = before ? before.node : -1, na = after ? after.node : -1;
    if (nb === na && nb >= 0 && nb < size) {
      for (let m = 0; m < M; m++) d1[m] -= d0[m];
      for (let v = nb; v >= 0; v = parents[v]) { const o = v * M; for (let m = 0; m < M; m++) acc[o + m] += d1[m]; }
    } else {
      if (nb >= 0 && nb < size) for (let v = nb; v >= 0; v = parents[v]) { const o = v * M; for (let m = 0; m < M; m++) acc[o + m] -= d0[m]; }
      if (na >= 0 && na < size) for (let v = na; v >= 0; v = parents[v]) { const o = v * M; for (let m = 0; m < M; m++) acc[o + m] += d1[m]; }
    }
    if (before === null || after === null || nb !== na) this.order = null;
    if (before === null || after === null || before.reportedAt !== after.reportedAt) { this.keyCache.clear(); this.byMonth = null; }
    if (before === null || after === null || before.category !== after.category) this.catMax = null;
  }

  /**
   * Applies the change of facts row `row` (already written) given its row before the change
   * (null for a new row, which also extends the rows the engine scans). Pass `facts` when
   * the owner replaced the columns (a store that grew).
   *
   * @example
   * ```ts
   * const before = row < facts.length ? readFactRow(facts, row) : null;
   * lifecycle.fold(event);            // changes facts row `row`
   * metrics.update(row, before);
   * ```
   */
  update(row: number, before: CaseFactRow | null, facts: CaseFacts = this.facts): void {
    if (facts !== this.facts) { this.facts = facts; this.order = null; this.keyCache.clear(); this.byMonth = null; this.catMax = null; }
    if (row >= this.rows) { this.rows = row + 1; this.order = null; this.keyCache.clear(); this.byMonth = null; this.catMax = null; }
    this.apply(before, readFactRow(this.facts, row));
  }
}

/**
 * Every indicator column, in blocks of nodes: a block of the node-major totals stays in the
 * cache while each indicator's stretch of its column is written.
 */
function fillColumns(
  size: number, J: number, nA: Float64Array[], nS: Int32Array, nO: Int32Array,
  dA: Float64Array[], dS: Int32Array, dO: Int32Array, sc: Float64Array, outs: Float64Array[],
): void {
  const B = 512;
  for (let start = 0; start < size; start += B) {
    const end = Math.min(size, start + B);
    for (let j = 0; j < J; j++) {
      const na = nA[j], ns = nS[j], no = nO[j], out = outs[j], dof = dO[j];
      if (dof < 0) {
        for (let i = start; i < end; i++) out[i] = na[i * ns + no];
        continue;
      }
      const da = dA[j], ds = dS[j], k = sc[j];
      for (let i = start; i < end; i++) {
        const den = da[i * ds + dof];
        out[i] = den === 0 ? NaN : (na[i * ns + no] / den) * k;
      }
    }
  }
}

/** Adds every node's row into its parent's row, deepest first (node-major accumulator). */
function rollUpRows(acc: Float64Array, M: number, parents: Int32Array, size: number): void {
  for (let i = size - 1; i > 0; i--) {
    const p = parents[i];
    if (p < 0) continue;
    const io = i * M, po = p * M;
    for (let m = 0; m < M; m++) acc[po + m] += acc[io + m];
  }
}

/** Adds every node into its parent, deepest first (children follow parents in pre-order). */
function rollUp(col: Float64Array, parents: Int32Array, size: number): void {
  for (let i = size - 1; i > 0; i--) {
    const p = parents[i];
    if (p >= 0) col[p] += col[i];
  }
}

/** Where a measure's per-node totals live. */
type Source = { arr: Float64Array; stride: number; off: number } | SubtreeMeasureInput;

const SOURCE_NAMES: LocalizedText[] = [
  { zh: '网格巡查', en: 'patrol' }, { zh: '群众反映', en: 'citizen' }, { zh: '视频发现', en: 'video' },
  { zh: '部门移交', en: 'department' }, { zh: '热线', en: 'hotline' }, { zh: '上级交办', en: 'higher level' },
];

function maxOf(a: ArrayLike<number>, n: number): number {
  let m = -1;
  for (let i = 0; i < n; i++) if (a[i] > m) m = a[i];
  return m;
}

/**
 * Builds the metrics of a hierarchy's case facts: checks the definitions, then one pass
 * over the cases and one roll-up. Refuses unknown columns, measures or indicators.
 *
 * @example
 * ```ts
 * const r = createMetrics({ hierarchy, facts, now: Date.parse('2017-01-01T00:00:00+08:00'), period: { unit: 'month', key: 2016 * 12 + 11 } });
 * if (!r.ok) console.error(r.errors);
 * else r.value.value(0, 'closeRate'); // { value: 93.72…, numerator: 911, denominator: 972 }
 * ```
 */
export function createMetrics(opts: MetricsOptions): Result<Metrics> {
  needObject('createMetrics', 'opts', opts);
  const hi = opts.hierarchy as unknown;
  if (!isObject(hi) || !isObject(hi.config) || !Array.isArray(hi.config.levels) || !Number.isInteger(hi.size)) {
    throw argumentError('createMetrics', 'opts.hierarchy', { zh: '层级索引', en: 'a hierarchy index' });
  }
  needObject('createMetrics', 'opts.facts', opts.facts);
  // A NaN or infinite "now" would count no case as overdue: a wrong figure, not an answer.
  if (typeof opts.now !== 'number' || !Number.isFinite(opts.now)) {
    throw argumentError('createMetrics', 'opts.now', { zh: '有限的时间戳（毫秒）', en: 'a finite time in epoch milliseconds' });
  }
  const h = opts.hierarchy;
  const levels = h.config.levels;
  const errs: JcIssue[] = [];
  const compiled = compileMeasures([...builtinMeasures(levels), ...(opts.measures ?? [])], { interpret: opts.interpret });
  if (!compiled.ok) return fail(compiled.errors);
  const nodeMeasures: NodeMeasureInput[] = [];
  const units = new Float64Array(h.size);
  const last = levels.length - 1;
  for (let i = 0; i < h.size; i++) if (h.levelOf[i] === last) units[i] = 1;
  nodeMeasures.push({ code: 'units', name: { zh: '单元数', en: 'units' }, own: units });
  const patrolled = new Float64Array(h.size);
  for (const p of Array.from(opts.patrolledUnits ?? [])) {
    if (p >= 0 && p < h.size && Number.isInteger(p)) patrolled[p] = 1;
    else errs.push(issue('E_METRIC_PATROL_NODE', `巡查记录的单元位置无效：${p}`, `patrolled unit position out of range: ${p}`));
  }
  nodeMeasures.push({ code: 'patrolledUnits', name: { zh: '已巡查单元数', en: 'units patrolled' }, own: patrolled });
  for (const nm of opts.nodeMeasures ?? []) {
    if (nm.own.length !== h.size) errs.push(issue('E_METRIC_NODE_MEASURE', `节点度量 ${nm.code} 的长度应为 ${h.size}`, `node measure ${nm.code} must have ${h.size} values`, { column: nm.code }));
    if (compiled.value.indexOf.has(nm.code) || nodeMeasures.some((x) => x.code === nm.code)) {
      errs.push(issue('E_METRIC_DUPLICATE', `度量编码重复：${nm.code}`, `duplicate measure code: ${nm.code}`, { column: nm.code }));
    }
    nodeMeasures.push(nm);
  }
  const subtree: SubtreeMeasureInput[] = [...(opts.subtreeMeasures ?? [])];
  const coverageIndicators: IndicatorDef[] = [];
  if (opts.coverage) {
    const src = opts.coverage.source;
    for (const def of opts.coverage.defs) {
      const cache = new Map<number, CoverageFigure>();
      const fig = (i: number) => { let f = cache.get(i); if (!f) { f = src.coverage(i, def); cache.set(i, f); } return f; };
      subtree.push({ code: `coverage:${def.id}:num`, name: def.numerator, subtree: (i) => fig(i).numerator });
      subtree.push({ code: `coverage:${def.id}:den`, name: def.denominator, subtree: (i) => fig(i).denominator });
      coverageIndicators.push({
        code: `coverage:${def.id}`, name: def.name, unit: 'percent', numerator: `coverage:${def.id}:num`, denominator: `coverage:${def.id}:den`,
        better: 'higher', note: { zh: `${def.numerator.zh} / ${def.denominator.zh}`, en: `${def.numerator.en} / ${def.denominator.en}` },
      });
    }
  }
  const merged = new Map<string, IndicatorDef>();
  for (const d of [...builtinIndicators(levels, opts.closeRateBase), ...coverageIndicators, ...(opts.indicators ?? [])]) merged.set(d.code, d);
  const known = (c: string) => compiled.value.indexOf.has(c) || nodeMeasures.some((x) => x.code === c) || subtree.some((x) => x.code === c);
  for (const d of merged.values()) {
    for (const c of [d.numerator, d.denominator]) {
      if (c !== undefined && !known(c)) errs.push(issue('E_METRIC_INDICATOR_REF', `指标 ${d.code} 引用了未定义的度量 ${c}`, `indicator ${d.code} refers to undefined measure ${c}`, { column: d.code }));
    }
    if (d.aggregate === 'median' && !compiled.value.indexOf.has(d.numerator)) {
      errs.push(issue('E_METRIC_INDICATOR_REF', `中位数指标 ${d.code} 须基于案件度量`, `median indicator ${d.code} needs a case measure`, { column: d.code }));
    }
  }
  if (opts.facts.length > opts.facts.node.length) errs.push(issue('E_METRIC_FACTS', '案件事实行数超过容量', 'case facts length exceeds their capacity'));
  if (errs.length) return fail(errs);
  return ok(new Metrics(opts, compiled.value, [...merged.values()], nodeMeasures, subtree));
}
