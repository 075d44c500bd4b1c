/**
 * Measures as data: a predicate over the case-fact columns and an optional value to sum.
 * Definitions are checked, then compiled once into one scanning kernel that evaluates every
 * measure of a row in a single pass (generated code from the checked definition — only
 * whitelisted column names and finite numbers reach it; an interpreter is used where the
 * host forbids generated code).
 * @module
 */
import { argumentError, isObject, needObject } from '../errors/args.js';
import { CASE_STATUSES, type CaseFacts, type CaseStatus } from '../cases/facts.js';
import { issue, JcError, ok, fail, type JcIssue, type LocalizedText, type Result } from '../errors/errors.js';

/** The typed columns of {@link CaseFacts} a measure may read. @example `const c: FactColumn = 'closedAt';` */
export type FactColumn =
  | 'node' | 'category' | 'source' | 'status' | 'reportedAt' | 'registeredAt' | 'dispatchedAt'
  | 'dispatchDueAt' | 'handledAt' | 'dueAt' | 'closedAt' | 'closedLevel' | 'rework'
  | 'escalations' | 'extensions' | 'satisfaction';

/** Every readable column. @example `FACT_COLUMNS.includes('dueAt') // true` */
export const FACT_COLUMNS: readonly FactColumn[] = [
  'node', 'category', 'source', 'status', 'reportedAt', 'registeredAt', 'dispatchedAt',
  'dispatchDueAt', 'handledAt', 'dueAt', 'closedAt', 'closedLevel', 'rework', 'escalations',
  'extensions', 'satisfaction',
];

/** The time columns (epoch ms, NaN = not yet). @example `const t: TimeColumn = 'handledAt';` */
export type TimeColumn = 'reportedAt' | 'registeredAt' | 'dispatchedAt' | 'dispatchDueAt' | 'handledAt' | 'dueAt' | 'closedAt';

const TIME_COLUMNS: readonly string[] = ['reportedAt', 'registeredAt', 'dispatchedAt', 'dispatchDueAt', 'handledAt', 'dueAt', 'closedAt'];

/**
 * A number computed from a row: a column, the evaluation time `'asOf'`, a constant, a
 * difference or a quotient by a constant. NaN propagates (a missing time gives NaN).
 *
 * @example
 * ```ts
 * const hoursToClose: Expr = { div: [{ sub: ['closedAt', 'reportedAt'] }, 3_600_000] };
 * ```
 */
export type Expr = FactColumn | 'asOf' | number | { sub: [Expr, Expr] } | { div: [Expr, number] };

/** A comparison operator. @example `const op: CmpOp = '<=';` */
export type CmpOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

/**
 * A condition on a row. Comparisons with NaN are false, so `{ cmp: ['closedAt', '>', 'dueAt'] }`
 * is false while a case is open or has no deadline.
 * - `all` / `any` / `not`: logic;
 * - `cmp`: compare two expressions;
 * - `by`: the time column is set and not after `asOf` ("has happened by then");
 * - `status`: the current status is one of these;
 * - `ref`: the condition of another measure (by code).
 *
 * @example
 * ```ts
 * const closedOnTime: Predicate = { all: [{ ref: 'closed' }, { not: { cmp: ['closedAt', '>', 'dueAt'] } }] };
 * ```
 */
export type Predicate =
  | { all: Predicate[] }
  | { any: Predicate[] }
  | { not: Predicate }
  | { cmp: [Expr, CmpOp, Expr] }
  | { by: TimeColumn }
  | { status: CaseStatus[] }
  | { ref: string }
  | { always: true };

/**
 * A measure: how many rows satisfy `where` (or the sum of `value` over them). Measures are
 * additive, so they roll up the hierarchy by addition.
 *
 * @example
 * ```ts
 * const closed: MeasureDef = { code: 'closed', name: { zh: '办结数', en: 'closed' }, where: { by: 'closedAt' } };
 * ```
 */
export interface MeasureDef {
  /** Stable code (letters, digits, `_`, `:`). */
  code: string;
  name: LocalizedText;
  where: Predicate;
  /** Summed over matching rows; omitted = count rows. Rows where it is NaN add nothing. */
  value?: Expr;
}

/** Parameters of one evaluation. @internal */
export interface KernelParams {
  asOf: number;
  /** Period of reportedAt, half-open; `bounded` false = all time. */
  from: number;
  to: number;
  bounded: boolean;
  /** 1 = keep, per category position (null = all). */
  catMask: Uint8Array | null;
  /** 1 = keep, per source index (null = all). */
  srcMask: Uint8Array | null;
  /** Keep only rows whose node position lies in `[lo, hi)` (a subtree). */
  lo: number;
  hi: number;
}

/**
 * The compiled scanning function. For rows `order[k]` (or `k` when `order` is null), k in
 * `[a, b)`, that pass the period and filters, the group is `cg` if ≥ 0, else `node[i]` when
 * `keys` is null, else `map[keys[i]]` (or `keys[i] − off` without a map); rows whose group is
 * outside `[0, G)` are skipped. Measure m of group g is added at `acc[g × M + m]`.
 * @internal
 */
export type Kernel = (
  C: CaseFacts, order: Int32Array | null, a: number, b: number,
  keys: ArrayLike<number> | null, map: ArrayLike<number> | null, off: number, cg: number, G: number,
  acc: Float64Array, P: KernelParams,
) => void;

/**
 * A checked, ordered set of measures and its kernel.
 *
 * @example
 * ```ts
 * const r = compileMeasures(BUILTIN_MEASURES);
 * if (r.ok) console.log(r.value.codes.length);
 * ```
 */
export interface CompiledMeasures {
  /** Measure definitions in evaluation order (a measure follows those it refers to). */
  defs: MeasureDef[];
  codes: string[];
  /** Position of each measure in an accumulator row. */
  indexOf: Map<string, number>;
  /** The scanning function. @internal */
  kernel: Kernel;
  /** Whether the kernel is generated code (false: interpreter). */
  generated: boolean;
}

const CODE_RE = /^[A-Za-z][A-Za-z0-9_:]*$/;
const KERNELS = new Map<string, Kernel>();
const OPS: readonly string[] = ['<', '<=', '>', '>=', '==', '!='];

function refsOf(p: Predicate, out: string[]): string[] {
  if ('all' in p) p.all.forEach((q) => refsOf(q, out));
  else if ('any' in p) p.any.forEach((q) => refsOf(q, out));
  else if ('not' in p) refsOf(p.not, out);
  else if ('ref' in p) out.push(p.ref);
  return out;
}

function checkExpr(e: Expr, code: string, errs: JcIssue[]): void {
  if (typeof e === 'number') {
    if (!Number.isFinite(e)) errs.push(issue('E_METRIC_NUMBER', `指标 ${code} 含非有限数值`, `measure ${code} has a non-finite number`, { column: code }));
  } else if (typeof e === 'string') {
    if (e !== 'asOf' && !(FACT_COLUMNS as readonly string[]).includes(e)) {
      errs.push(issue('E_METRIC_COLUMN', `指标 ${code} 引用了未知字段 ${e}`, `measure ${code} reads unknown column ${e}`, { column: code }));
    }
  } else if (e && typeof e === 'object' && 'sub' in e && Array.isArray(e.sub) && e.sub.length === 2) {
    checkExpr(e.sub[0], code, errs); checkExpr(e.sub[1], code, errs);
  } else if (e && typeof e === 'object' && 'div' in e && Array.isArray(e.div) && e.div.length === 2) {
    checkExpr(e.div[0], code, errs);
    if (typeof e.div[1] !== 'number' || !Number.isFinite(e.div[1]) || e.div[1] === 0) {
      errs.push(issue('E_METRIC_NUMBER', `指标 ${code} 的除数须为非零有限数`, `measure ${code} divides by something other than a non-zero finite number`, { column: code }));
    }
  } else {
    errs.push(issue('E_METRIC_EXPR', `指标 ${code} 含无法识别的表达式`, `measure ${code} has an unrecognised expression`, { column: code }));
  }
}

function checkPred(p: Predicate, code: string, known: Set<string>, errs: JcIssue[]): void {
  const bad = () => errs.push(issue('E_METRIC_PREDICATE', `指标 ${code} 含无法识别的条件`, `measure ${code} has an unrecognised condition`, { column: code }));
  if (!p || typeof p !== 'object') return void bad();
  if ('all' in p && Array.isArray(p.all)) p.all.forEach((q) => checkPred(q, code, known, errs));
  else if ('any' in p && Array.isArray(p.any)) p.any.forEach((q) => checkPred(q, code, known, errs));
  else if ('not' in p) checkPred(p.not, code, known, errs);
  else if ('cmp' in p && Array.isArray(p.cmp) && p.cmp.length === 3 && OPS.includes(p.cmp[1])) {
    checkExpr(p.cmp[0], code, errs); checkExpr(p.cmp[2], code, errs);
  } else if ('by' in p) {
    if (!TIME_COLUMNS.includes(p.by)) errs.push(issue('E_METRIC_COLUMN', `指标 ${code} 的 by 须为时间字段：${String(p.by)}`, `measure ${code}: 'by' needs a time column, got ${String(p.by)}`, { column: code }));
  } else if ('status' in p && Array.isArray(p.status)) {
    for (const s of p.status) {
      if (!(CASE_STATUSES as readonly string[]).includes(s)) errs.push(issue('E_METRIC_STATUS', `指标 ${code} 含未知状态 ${s}`, `measure ${code} names unknown status ${s}`, { column: code }));
    }
  } else if ('ref' in p) {
    if (!known.has(p.ref)) errs.push(issue('E_METRIC_REF', `指标 ${code} 引用了未定义的度量 ${p.ref}`, `measure ${code} refers to undefined measure ${p.ref}`, { column: code }));
  } else if (!('always' in p && p.always === true)) bad();
}

/** Orders measures so each follows the measures it refers to; reports cycles. */
function topoOrder(defs: MeasureDef[], errs: JcIssue[]): MeasureDef[] {
  const byCode = new Map(defs.map((d) => [d.code, d]));
  const state = new Map<string, 1 | 2>();
  const out: MeasureDef[] = [];
  const visit = (d: MeasureDef, trail: string[]): void => {
    const s = state.get(d.code);
    if (s === 2) return;
    if (s === 1) {
      errs.push(issue('E_METRIC_CYCLE', `度量循环引用：${[...trail, d.code].join(' → ')}`, `measures refer to each other in a cycle: ${[...trail, d.code].join(' → ')}`, { column: d.code }));
      return;
    }
    state.set(d.code, 1);
    for (const r of refsOf(d.where, [])) {
      const t = byCode.get(r);
      if (t) visit(t, [...trail, d.code]);
    }
    state.set(d.code, 2);
    out.push(d);
  };
  defs.forEach((d) => visit(d, []));
  return out;
}

// ---- code generation ----------------------------------------------------------------------

function genExpr(e: Expr, used: Set<string>): string {
  if (typeof e === 'number') return `(${String(e)})`;
  if (e === 'asOf') return 'asOf';
  if (typeof e === 'string') { used.add(e); return `v_${e}`; }
  if ('sub' in e) return `(${genExpr(e.sub[0], used)} - ${genExpr(e.sub[1], used)})`;
  return `(${genExpr(e.div[0], used)} / ${String(e.div[1])})`;
}

function genPred(p: Predicate, used: Set<string>, local: Map<string, string>): string {
  if ('all' in p) return p.all.length ? `(${p.all.map((q) => genPred(q, used, local)).join(' && ')})` : 'true';
  if ('any' in p) return p.any.length ? `(${p.any.map((q) => genPred(q, used, local)).join(' || ')})` : 'false';
  if ('not' in p) return `!${genPred(p.not, used, local)}`;
  if ('cmp' in p) {
    const op = p.cmp[1] === '==' ? '===' : p.cmp[1] === '!=' ? '!==' : p.cmp[1];
    return `(${genExpr(p.cmp[0], used)} ${op} ${genExpr(p.cmp[2], used)})`;
  }
  if ('by' in p) { used.add(p.by); return `(v_${p.by} <= asOf)`; }
  if ('status' in p) {
    used.add('status');
    const ids = p.status.map((s) => CASE_STATUSES.indexOf(s));
    return ids.length ? `(${ids.map((k) => `v_status === ${k}`).join(' || ')})` : 'false';
  }
  if ('ref' in p) return local.get(p.ref)!;
  return 'true';
}

function generateKernel(defs: MeasureDef[]): Kernel {
  const used = new Set<string>();
  const local = new Map<string, string>();
  const body: string[] = [];
  defs.forEach((d, m) => {
    const cond = genPred(d.where, used, local);
    body.push(`const b${m} = ${cond};`);
    local.set(d.code, `b${m}`);
    if (d.value === undefined) body.push(`if (b${m}) acc[o + ${m}] += 1;`);
    else body.push(`if (b${m}) { const v = ${genExpr(d.value, used)}; if (v === v) acc[o + ${m}] += v; }`);
  });
  const cols = [...new Set(['node', 'reportedAt', 'category', 'source', ...used])].map((c) => `const c_${c} = C.${c};`).join('\n');
  // every column a measure reads is loaded once per row (stores into acc would otherwise
  // force reloads: typed arrays may share a buffer)
  const row = [...used].map((c) => (c === 'node' ? 'const v_node = nd;' : `const v_${c} = c_${c}[i];`)).join(' ');
  const src = `
    const asOf = P.asOf, from = P.from, to = P.to, bounded = P.bounded, catMask = P.catMask, srcMask = P.srcMask, lo = P.lo, hi = P.hi;
    ${cols}
    const M = ${defs.length};
    for (let k = a; k < b; k++) {
      const i = order === null ? k : order[k];
      const nd = c_node[i];
      if (!(nd >= lo && nd < hi)) continue;
      if (bounded) { const r = c_reportedAt[i]; if (!(r >= from && r < to)) continue; }
      if (catMask !== null && catMask[c_category[i]] !== 1) continue;
      if (srcMask !== null && srcMask[c_source[i]] !== 1) continue;
      let g;
      if (cg >= 0) g = cg;
      else if (keys === null) g = nd;
      else if (map === null) g = keys[i] - off;
      else g = map[keys[i]];
      if (!(g >= 0 && g < G)) continue;
      const o = g * M;
      ${row}
      ${body.join('\n      ')}
    }`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('C', 'order', 'a', 'b', 'keys', 'map', 'off', 'cg', 'G', 'acc', 'P', src) as Kernel;
}

// ---- interpreter (same semantics, no generated code) ----------------------------------------

type RowFn<T> = (C: CaseFacts, i: number, asOf: number, bs: Uint8Array) => T;

function interpExpr(e: Expr): RowFn<number> {
  if (typeof e === 'number') return () => e;
  if (e === 'asOf') return (_C, _i, asOf) => asOf;
  if (typeof e === 'string') { const col = e; return (C, i) => (C[col] as ArrayLike<number>)[i]; }
  if ('sub' in e) { const x = interpExpr(e.sub[0]), y = interpExpr(e.sub[1]); return (C, i, t, bs) => x(C, i, t, bs) - y(C, i, t, bs); }
  const x = interpExpr(e.div[0]), d = e.div[1];
  return (C, i, t, bs) => x(C, i, t, bs) / d;
}

function interpPred(p: Predicate, index: Map<string, number>): RowFn<boolean> {
  if ('all' in p) { const qs = p.all.map((q) => interpPred(q, index)); return (C, i, t, bs) => qs.every((q) => q(C, i, t, bs)); }
  if ('any' in p) { const qs = p.any.map((q) => interpPred(q, index)); return (C, i, t, bs) => qs.some((q) => q(C, i, t, bs)); }
  if ('not' in p) { const q = interpPred(p.not, index); return (C, i, t, bs) => !q(C, i, t, bs); }
  if ('cmp' in p) {
    const x = interpExpr(p.cmp[0]), y = interpExpr(p.cmp[2]);
    const cmp: Record<CmpOp, (u: number, v: number) => boolean> = {
      '<': (u, v) => u < v, '<=': (u, v) => u <= v, '>': (u, v) => u > v,
      '>=': (u, v) => u >= v, '==': (u, v) => u === v, '!=': (u, v) => u !== v,
    };
    const f = cmp[p.cmp[1]];
    return (C, i, t, bs) => f(x(C, i, t, bs), y(C, i, t, bs));
  }
  if ('by' in p) { const col = p.by; return (C, i, t) => C[col][i] <= t; }
  if ('status' in p) { const ids = new Set(p.status.map((s) => CASE_STATUSES.indexOf(s))); return (C, i) => ids.has(C.status[i]); }
  if ('ref' in p) { const m = index.get(p.ref)!; return (_C, _i, _t, bs) => bs[m] === 1; }
  return () => true;
}

/** Does row i pass the filters every evaluation shares: subtree, period, categories, sources? */
function rowPasses(C: CaseFacts, i: number, P: KernelParams): boolean {
  if (!(C.node[i] >= P.lo && C.node[i] < P.hi)) return false;
  if (P.bounded) { const r = C.reportedAt[i]; if (!(r >= P.from && r < P.to)) return false; }
  if (P.catMask !== null && P.catMask[C.category[i]] !== 1) return false;
  return P.srcMask === null || P.srcMask[C.source[i]] === 1;
}

function interpretKernel(defs: MeasureDef[], index: Map<string, number>): Kernel {
  const preds = defs.map((d) => interpPred(d.where, index));
  const vals = defs.map((d) => (d.value === undefined ? null : interpExpr(d.value)));
  const M = defs.length;
  const bs = new Uint8Array(M);
  return (C, order, a, b, keys, map, off, cg, G, acc, P) => {
    for (let k = a; k < b; k++) {
      const i = order === null ? k : order[k];
      if (!rowPasses(C, i, P)) continue;
      const g = cg >= 0 ? cg : keys === null ? C.node[i] : map === null ? keys[i] - off : map[keys[i]];
      if (!(g >= 0 && g < G)) continue;
      for (let m = 0; m < M; m++) {
        const hit = preds[m](C, i, P.asOf, bs);
        bs[m] = hit ? 1 : 0;
        if (!hit) continue;
        const vf = vals[m];
        if (vf === null) acc[g * M + m] += 1;
        else { const v = vf(C, i, P.asOf, bs); if (v === v) acc[g * M + m] += v; }
      }
    }
  };
}

/**
 * Checks measure definitions (unique codes, known columns and statuses, resolvable `ref`s,
 * no cycles) and compiles them into one kernel. Nothing is compiled if anything is wrong.
 *
 * @example
 * ```ts
 * const r = compileMeasures([
 *   { code: 'collected', name: { zh: '采集数', en: 'collected' }, where: { always: true } },
 *   { code: 'closed', name: { zh: '办结数', en: 'closed' }, where: { by: 'closedAt' } },
 * ]);
 * ```
 */
export function compileMeasures(defs: MeasureDef[], opts: { interpret?: boolean } = {}): Result<CompiledMeasures> {
  if (!Array.isArray(defs) || defs.some((d) => !isObject(d))) throw argumentError('compileMeasures', 'defs', { zh: '度量定义数组', en: 'an array of measure definitions' });
  needObject('compileMeasures', 'opts', opts);
  const errs: JcIssue[] = [];
  const known = new Set<string>();
  for (const d of defs) {
    if (typeof d.code !== 'string' || !CODE_RE.test(d.code)) {
      errs.push(issue('E_METRIC_CODE', `度量编码无效：${String(d.code)}`, `invalid measure code: ${String(d.code)}`));
    } else if (known.has(d.code)) {
      errs.push(issue('E_METRIC_DUPLICATE', `度量编码重复：${d.code}`, `duplicate measure code: ${d.code}`, { column: d.code }));
    }
    known.add(d.code);
  }
  for (const d of defs) {
    checkPred(d.where, d.code, known, errs);
    if (d.value !== undefined) checkExpr(d.value, d.code, errs);
  }
  if (errs.length) return fail(errs);
  const ordered = topoOrder(defs, errs);
  if (errs.length) return fail(errs);
  const indexOf = new Map(ordered.map((d, m) => [d.code, m]));
  let kernel: Kernel | null = null;
  if (!opts.interpret) {
    // the same definitions reuse one generated function, which stays optimised across builds
    const key = JSON.stringify(ordered.map((d) => [d.code, d.where, d.value ?? null]));
    kernel = KERNELS.get(key) ?? null;
    if (!kernel) {
      try { kernel = generateKernel(ordered); } catch { kernel = null; } // e.g. a CSP without 'unsafe-eval'
      if (kernel) { if (KERNELS.size >= 32) KERNELS.clear(); KERNELS.set(key, kernel); }
    }
  }
  const generated = kernel !== null;
  return ok({ defs: ordered, codes: ordered.map((d) => d.code), indexOf, kernel: kernel ?? interpretKernel(ordered, indexOf), generated });
}

/**
 * A function that pushes the value of measure `code` for every row in `[a, b)` (through
 * `order`) that passes the period and filters and matches the measure's condition — the
 * sample a median is taken from. `ref`s are inlined.
 *
 * @example
 * ```ts
 * const sample = measureSampler(compiled, 'closeHours');
 * const out: number[] = [];
 * sample(facts, null, 0, facts.length, params, out);
 * ```
 */
export function measureSampler(
  compiled: CompiledMeasures, code: string,
): (C: CaseFacts, order: Int32Array | null, a: number, b: number, P: KernelParams, out: number[]) => void {
  if (!isObject(compiled) || !Array.isArray(compiled.defs)) throw argumentError('measureSampler', 'compiled', { zh: ' compileMeasures 的结果', en: 'what compileMeasures returns' });
  const byCode = new Map(compiled.defs.map((d) => [d.code, d]));
  const def = byCode.get(code);
  if (!def) throw new JcError(issue('E_METRIC_UNKNOWN', `未知度量：${String(code)}`, `unknown measure: ${String(code)}`));
  const inline = (p: Predicate): Predicate => {
    if ('all' in p) return { all: p.all.map(inline) };
    if ('any' in p) return { any: p.any.map(inline) };
    if ('not' in p) return { not: inline(p.not) };
    if ('ref' in p) return inline(byCode.get(p.ref)!.where);
    return p;
  };
  const where = interpPred(inline(def.where), new Map());
  const value = def.value === undefined ? () => 1 : interpExpr(def.value);
  const bs = new Uint8Array(0);
  return (C, order, a, b, P, out) => {
    for (let k = a; k < b; k++) {
      const i = order === null ? k : order[k];
      if (!rowPasses(C, i, P)) continue;
      if (!where(C, i, P.asOf, bs)) continue;
      const v = value(C, i, P.asOf, bs);
      if (v === v) out.push(v);
    }
  };
}
