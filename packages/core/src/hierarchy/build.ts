/**
 * Building the immutable pre-order index from node records, with every problem reported at
 * once.
 * @module
 */
import { fail, issue, JcError, ok, type JcIssue, type Result } from '../errors/errors.js';
import type { HierarchyIndex } from './contract.js';
import { CodeTable } from './codetable.js';
import { NameSearch } from './search.js';
import type { CodeRange, HierarchyConfig, LevelDef, NodeInput } from './types.js';
import { checkName, NAME_LIMITS, normalizeName } from './names.js';
import { argumentError, isObject, needObject } from '../errors/args.js';

/**
 * Where node records came from, so that problems can name the file, row and column.
 *
 * @example
 * ```ts
 * buildHierarchy(cfg, nodes, { file: 'nodes.csv', rows: nodes.map((_, k) => k + 2) });
 * ```
 */
export interface BuildOptions {
  /** The file the records came from. */
  file?: string;
  /** The row of each record in that file (same order as the records). */
  rows?: ArrayLike<number>;
  /** Column names to report per field when `rows` is given; defaults to the CSV headers of `nodes.csv`. Without `rows`, issues name the field path (`nodes[3].parent`). */
  columns?: Partial<Record<keyof NodeInput, string>>;
}

/**
 * The CSV header of each node field (`nodes.csv`).
 *
 * @example
 * ```ts
 * NODE_COLUMNS.nameEn; // 'name_en'
 * ```
 */
export const NODE_COLUMNS: Readonly<Record<keyof NodeInput, string>> = Object.freeze({
  code: 'code',
  parent: 'parent',
  level: 'level',
  name: 'name',
  nameEn: 'name_en',
  zone: 'zone',
  validFrom: 'valid_from',
  validTo: 'valid_to',
});

/** A code Excel has turned into a number in scientific notation, e.g. `3.50304E+11`. */
const EXCEL_NUMBER = /^\d\.\d*E\+\d+$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

function inRanges(ranges: readonly CodeRange[], v: number): boolean {
  for (let j = 0; j < ranges.length; j++) if (v >= ranges[j].from && v <= ranges[j].to) return true;
  return false;
}

/**
 * Checks a level configuration: 1–255 levels with distinct ids, each code rule with
 * `0 < significant ≤ length`, significant prefixes growing from level to level, ranges with
 * `from ≤ to`. Issues name the field path (`levels[2].code.significant`).
 *
 * @example
 * ```ts
 * checkConfig({ id: 'x', levels: [] }); // [{ code: 'E_CONFIG_LEVELS', … }]
 * ```
 */
export function checkConfig(config: HierarchyConfig): JcIssue[] {
  needObject('checkConfig', 'config', config);
  const out: JcIssue[] = [];
  const levels = config.levels;
  if (!Array.isArray(levels) || levels.length === 0 || levels.length > 255) {
    return [issue('E_CONFIG_LEVELS', '层级配置应有 1–255 个层级', 'the configuration needs 1–255 levels', { column: 'levels' })];
  }
  const seen = new Set<string>();
  levels.forEach((l, j) => {
    if (seen.has(l.id)) {
      out.push(issue('E_CONFIG_LEVEL_ID', `层级 id“${l.id}”重复`, `level id "${l.id}" appears twice`, { column: `levels[${j}].id` }));
    }
    seen.add(l.id);
    const c = l.code;
    if (!(Number.isInteger(c.significant) && Number.isInteger(c.length) && c.significant > 0 && c.significant <= c.length)) {
      out.push(issue('E_CONFIG_CODE', `层级“${l.id}”的编码规则无效：应 0 < 有效位数 ≤ 总长度`, `level "${l.id}": code rule needs 0 < significant ≤ length`, { column: `levels[${j}].code.significant` }));
    } else if (j > 0 && c.significant <= levels[j - 1].code.significant) {
      out.push(issue('E_CONFIG_CODE', `层级“${l.id}”的有效位数应多于上一层级`, `level "${l.id}": significant digits must grow from the level above`, { column: `levels[${j}].code.significant` }));
    }
    (c.ranges ?? []).forEach((r, k) => {
      if (!(r.from <= r.to)) {
        out.push(issue('E_CONFIG_CODE', `层级“${l.id}”的编码范围 ${r.from}–${r.to} 无效`, `level "${l.id}": code range ${r.from}–${r.to} is invalid`, { column: `levels[${j}].code.ranges[${k}]` }));
      }
    });
  });
  return out;
}

/** The state of one build: the input, the levels, and the problems found so far. */
class BuildCtx {
  readonly errors: JcIssue[] = [];
  readonly warnings: JcIssue[] = [];
  /** Level-order and prefix problems wait until cycles are known: on a cycle they are noise. */
  readonly deferred: { k: number; p: JcIssue }[] = [];
  readonly levelIndex = new Map<string, number>();
  /** Where each level's own code segment starts: after the level above's significant prefix. */
  readonly segFrom: number[];
  readonly cols: Record<keyof NodeInput, string>;

  constructor(
    readonly nodes: readonly NodeInput[],
    readonly levels: readonly LevelDef[],
    readonly opts: BuildOptions,
  ) {
    levels.forEach((l, j) => this.levelIndex.set(l.id, j));
    this.segFrom = levels.map((_, j) => (j === 0 ? 0 : levels[j - 1].code.significant));
    this.cols = { ...NODE_COLUMNS, ...opts.columns };
  }

  where(k: number, field: keyof NodeInput): Omit<JcIssue, 'code' | 'zh' | 'en'> {
    // From a file: the CSV column and row; in memory: the field path, e.g. nodes[3].parent.
    const rows = this.opts.rows;
    const w: Omit<JcIssue, 'code' | 'zh' | 'en'> = { column: rows ? this.cols[field] : `nodes[${k}].${field}` };
    if (this.opts.file !== undefined) w.file = this.opts.file;
    if (rows) w.row = rows[k];
    return w;
  }

  err(code: string, zh: string, en: string, k: number, field: keyof NodeInput): void {
    this.errors.push(issue(code, zh, en, this.where(k, field)));
  }

  later(code: string, zh: string, en: string, k: number, field: keyof NodeInput): void {
    this.deferred.push({ k, p: issue(code, zh, en, this.where(k, field)) });
  }
}

/** What pass 1 learns per input record. */
interface Checked {
  lvl: Uint8Array;
  /** 1 when the code is well-formed for its level. */
  okCode: Uint8Array;
  inCodes: string[];
  table: CodeTable;
  /** 1 when the record is left out of linking (missing fields or a duplicate code). */
  dup: Uint8Array;
  /** The names as stored: NFC and trimmed (see {@link checkName}). */
  names: string[];
  namesEn: (string | undefined)[];
}

// Each pass is its own small function: V8 optimises them separately and quickly (one large
// function was re-optimised loop by loop on every build).

/** Pass 1: fields, levels, code shape, uniqueness. */
function checkRecords(ctx: BuildCtx): Checked {
  const { nodes, levels, levelIndex, segFrom, warnings } = ctx;
  const n = nodes.length;
  const rows = ctx.opts.rows;
  const err = (code: string, zh: string, en: string, k: number, field: keyof NodeInput) => ctx.err(code, zh, en, k, field);
  const where = (k: number, field: keyof NodeInput) => ctx.where(k, field);
  const lvl = new Uint8Array(n);
  const okCode = new Uint8Array(n); // 1 when the code is well-formed for its level
  const inCodes = new Array<string>(n);
  const table = new CodeTable(n, inCodes);
  const dup = new Uint8Array(n);
  const names = new Array<string>(n);
  const namesEn = new Array<string | undefined>(n);
  let lastLevelId: string | undefined;
  let lastLevel = -1;
  for (let k = 0; k < n; k++) {
    const nd = nodes[k];
    const code = nd.code;
    let fieldsOk = true;
    if (typeof code !== 'string' || code === '') {
      err('E_MISSING_FIELD', '缺少必填字段：编码', 'missing required field: code', k, 'code');
      fieldsOk = false;
    }
    const nm = nd.name;
    if (typeof nm !== 'string' || normalizeName(nm) === '') {
      err('E_MISSING_FIELD', `缺少必填字段：名称（编码 ${code}）`, `missing required field: name (code ${code})`, k, 'name');
    } else {
      const c = checkName(nm, NAME_LIMITS.name, { zh: '名称', en: 'name' });
      names[k] = c.value;
      if (c.issue) err(c.issue.code, `${c.issue.zh}（编码 ${code}）`, `${c.issue.en} (code ${code})`, k, 'name');
    }
    const ne = nd.nameEn;
    if (ne !== undefined) {
      if (typeof ne !== 'string') err('E_TYPE', `英文名称应为文本（编码 ${code}）`, `nameEn must be a string (code ${code})`, k, 'nameEn');
      else {
        const c = checkName(ne, NAME_LIMITS.nameEn, { zh: '英文名称', en: 'English name' });
        namesEn[k] = c.value;
        if (c.issue) err(c.issue.code, `${c.issue.zh}（编码 ${code}）`, `${c.issue.en} (code ${code})`, k, 'nameEn');
      }
    }
    if (nd.parent === undefined) {
      err('E_MISSING_FIELD', `缺少字段：上级编码（编码 ${code}；根节点填空）`, `missing field: parent (code ${code}; leave empty for the root)`, k, 'parent');
    }
    let li: number | undefined;
    if (nd.level === lastLevelId) li = lastLevel;
    else if (typeof nd.level === 'string') {
      li = levelIndex.get(nd.level);
      if (li !== undefined) {
        lastLevelId = nd.level;
        lastLevel = li;
      }
    }
    if (nd.level === undefined || nd.level === '') {
      err('E_MISSING_FIELD', `缺少必填字段：层级（编码 ${code}）`, `missing required field: level (code ${code})`, k, 'level');
      fieldsOk = false;
    } else if (li === undefined) {
      err('E_UNKNOWN_LEVEL', `未知层级“${nd.level}”，应为：${levels.map((l) => l.id).join('、')}`,
        `unknown level "${nd.level}"; expected one of ${levels.map((l) => l.id).join(', ')}`, k, 'level');
      fieldsOk = false;
    }
    if (nd.validFrom !== undefined && !ISO_DATE.test(nd.validFrom)) {
      err('E_DATE', `生效日期“${nd.validFrom}”不是 ISO 日期（YYYY-MM-DD）`, `valid-from "${nd.validFrom}" is not an ISO date (YYYY-MM-DD)`, k, 'validFrom');
    }
    if (nd.validTo !== undefined && !ISO_DATE.test(nd.validTo)) {
      err('E_DATE', `失效日期“${nd.validTo}”不是 ISO 日期（YYYY-MM-DD）`, `valid-to "${nd.validTo}" is not an ISO date (YYYY-MM-DD)`, k, 'validTo');
    } else if (nd.validFrom !== undefined && ISO_DATE.test(nd.validFrom) && nd.validTo !== undefined && nd.validTo <= nd.validFrom) {
      err('E_DATE_ORDER', `失效日期 ${nd.validTo} 应晚于生效日期 ${nd.validFrom}`, `valid-to ${nd.validTo} must be after valid-from ${nd.validFrom}`, k, 'validTo');
    }
    if (!fieldsOk) {
      dup[k] = 1; // not in the table: skipped below
      continue;
    }
    lvl[k] = li!;
    inCodes[k] = code;
    const prev = table.add(k, code);
    if (prev !== -1) {
      dup[k] = 1;
      const first = rows ? `第 ${rows[prev]} 行` : `第 ${prev + 1} 条`;
      const firstEn = rows ? `row ${rows[prev]}` : `record ${prev + 1}`;
      err('E_DUPLICATE_CODE', `编码 ${code} 重复（首次出现在${first}）`, `duplicate code ${code} (first at ${firstEn})`, k, 'code');
      continue;
    }
    const rule = levels[li!].code;
    const lv = levels[li!];
    if (code.charCodeAt(1) === 46 && EXCEL_NUMBER.test(code)) {
      err('E_CODE_DIGITS', `编码 ${code} 只能由数字组成（疑似被 Excel 转为科学计数法，请将该列设为文本）`,
        `code ${code} may contain only digits (Excel seems to have turned it into a number; format the column as text)`, k, 'code');
      continue;
    }
    if (code.length !== rule.length) {
      err('E_CODE_LENGTH', `${lv.name.zh}编码 ${code} 长度应为 ${rule.length} 位（实为 ${code.length} 位）`,
        `${lv.name.en} code ${code} must be ${rule.length} characters long (is ${code.length})`, k, 'code');
      continue;
    }
    // One pass over the characters: allowed characters, zero padding, the level's segment value.
    const zone = nd.zone === true;
    const sig = rule.significant;
    const from = segFrom[li!];
    let charsOk = true;
    let padOk = true;
    let v = 0;
    for (let j = 0; j < code.length; j++) {
      const c = code.charCodeAt(j);
      if (c < 48 || c > 57) {
        if (!zone || c < 65 || c > 90) {
          charsOk = false;
          break;
        }
      }
      if (j >= sig) {
        if (c !== 48) padOk = false;
      } else if (j >= from) v = v * 10 + (c - 48);
    }
    if (!charsOk) {
      err('E_CODE_DIGITS', zone ? `功能区编码 ${code} 只能由数字和大写字母组成` : `编码 ${code} 只能由数字组成`,
        zone ? `zone code ${code} may contain only digits and capital letters` : `code ${code} may contain only digits`, k, 'code');
      continue;
    }
    if (!padOk) {
      err('E_CODE_DIGITS', `${lv.name.zh}编码 ${code} 第 ${sig + 1} 位起应全为 0`,
        `${lv.name.en} code ${code} must be zero from character ${sig + 1} on`, k, 'code');
      continue;
    }
    okCode[k] = 1;
    if (li! > 0 && !zone && sig > from) {
      if (v === 0) {
        err('E_CODE_DIGITS', `${lv.name.zh}编码 ${code} 第 ${from + 1}–${sig} 位不能全为 0`,
          `${lv.name.en} code ${code}: characters ${from + 1}–${sig} must not all be 0`, k, 'code');
        okCode[k] = 0;
      } else if (rule.ranges && rule.ranges.length > 0 && !inRanges(rule.ranges, v)) {
        const known = rule.ranges.map((r) => `${r.from}–${r.to}`).join(', ');
        const sv = code.slice(from, sig);
        warnings.push({
          ...issue('W_CODE_RANGE', `${lv.name.zh}编码 ${code} 的段值 ${sv} 不在常见范围（${known}）内`,
            `${lv.name.en} code ${code}: segment ${sv} is outside the usual ranges (${known})`, where(k, 'code')),
          severity: 'warning',
        });
      }
    }
  }

  return { lvl, okCode, inCodes, table, dup, names, namesEn };
}

/** Pass 2: parents, level order, code prefixes, roots. */
function linkParents(ctx: BuildCtx, c: Checked): { parentIn: Int32Array; roots: number[] } {
  const { nodes, levels, errors } = ctx;
  const { lvl, okCode, inCodes, table, dup } = c;
  const n = nodes.length;
  const L = levels.length;
  const file = ctx.opts.file;
  const err = (code: string, zh: string, en: string, k: number, field: keyof NodeInput) => ctx.err(code, zh, en, k, field);
  const later = (code: string, zh: string, en: string, k: number, field: keyof NodeInput) => ctx.later(code, zh, en, k, field);
  const parentIn = new Int32Array(n).fill(-2); // -1 root, -2 unknown/invalid
  const roots: number[] = [];
  // The parent is usually the last node seen on the level above (pre-order or level order input).
  const lastAt = new Int32Array(L).fill(-1);
  for (let k = 0; k < n; k++) {
    if (dup[k]) continue; // missing fields or duplicate: already reported
    const nd = nodes[k];
    lastAt[lvl[k]] = k;
    const pc = nd.parent;
    if (pc === null || pc === '') {
      parentIn[k] = -1;
      roots.push(k);
      continue;
    }
    if (pc === undefined) continue;
    if (typeof pc !== 'string') {
      err('E_TYPE', `上级编码应为文本（编码 ${nd.code}）`, `parent must be a string (code ${nd.code})`, k, 'parent');
      continue;
    }
    const guess = lvl[k] > 0 ? lastAt[lvl[k] - 1] : -1;
    const p = guess >= 0 && inCodes[guess] === pc ? guess : table.get(pc);
    if (p === -1) {
      err('E_UNKNOWN_PARENT', `上级编码 ${pc} 不存在（编码 ${nd.code}）`, `unknown parent code ${pc} (code ${nd.code})`, k, 'parent');
      continue;
    }
    parentIn[k] = p;
    if (p === k) continue; // a self-loop is reported as a cycle
    if (lvl[k] !== lvl[p] + 1) {
      const want = levels[lvl[p] + 1];
      later('E_LEVEL_ORDER',
        `层级顺序错误：${nodes[p].code}（${levels[lvl[p]].name.zh}）的下级应为${want ? want.name.zh : '（无下级层级）'}，而 ${nd.code} 为${levels[lvl[k]].name.zh}`,
        `level out of order: below ${nodes[p].code} (${levels[lvl[p]].name.en}) comes ${want ? want.name.en : '(no lower level)'}, but ${nd.code} is ${levels[lvl[k]].name.en}`,
        k, 'level');
      continue;
    }
    if (!okCode[k]) continue;
    // The anchor whose prefix the code must extend: the parent, or a zone's own parent.
    let a = p;
    if (nodes[p].zone === true) {
      const pp = parentIn[p];
      if (pp < 0) {
        const ppc = nodes[p].parent;
        const q = typeof ppc === 'string' && ppc !== '' ? table.get(ppc) : -1;
        if (q === -1) continue;
        a = q;
      } else a = pp;
    }
    if (!okCode[a]) continue;
    const ac = nodes[a].code;
    const sig = levels[lvl[a]].code.significant;
    let under = ac.length >= sig;
    for (let j = 0; under && j < sig; j++) if (nd.code.charCodeAt(j) !== ac.charCodeAt(j)) under = false;
    if (!under) {
      later('E_CODE_NOT_UNDER_PARENT', `编码 ${nd.code} 应以上级 ${ac} 的前 ${sig} 位 ${ac.slice(0, sig)} 开头`,
        `code ${nd.code} must start with the first ${sig} characters ${ac.slice(0, sig)} of its parent ${ac}`, k, 'code');
    }
  }
  if (roots.length === 0 && n > 0) {
    errors.push(issue('E_NO_ROOT', '没有根节点（上级编码为空的节点）', 'no root (a node with an empty parent code)', file !== undefined ? { file } : {}));
  } else if (n === 0) {
    errors.push(issue('E_NO_ROOT', '没有任何节点', 'no nodes at all', file !== undefined ? { file } : {}));
  }
  if (roots.length > 1) {
    for (const k of roots.slice(1)) {
      err('E_MULTIPLE_ROOTS', `只能有一个根节点：${nodes[roots[0]].code} 之外，${nodes[k].code} 也没有上级`,
        `there must be exactly one root: besides ${nodes[roots[0]].code}, ${nodes[k].code} has no parent`, k, 'parent');
    }
  }
  for (const k of roots) {
    if (lvl[k] !== 0) {
      err('E_ROOT_LEVEL', `根节点 ${nodes[k].code} 应为第一层级（${levels[0].name.zh}）`,
        `the root ${nodes[k].code} must be on the first level (${levels[0].name.en})`, k, 'level');
    }
  }

  return { parentIn, roots };
}

/** Groups children by parent (counting sort, stable), then numbers the nodes in pre-order. */
function numberPreorder(n: number, parentIn: Int32Array, roots: readonly number[]): { posOf: Int32Array; order: Int32Array; count: number } {
  const childStart = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) if (parentIn[k] >= 0) childStart[parentIn[k] + 1]++;
  for (let k = 0; k < n; k++) childStart[k + 1] += childStart[k];
  const fillPos = childStart.slice(0, n);
  const childList = new Int32Array(childStart[n]);
  for (let k = 0; k < n; k++) {
    const p = parentIn[k];
    if (p >= 0) childList[fillPos[p]++] = k;
  }
  const posOf = new Int32Array(n).fill(-1);
  const order = new Int32Array(n); // pre-order position -> input index
  const stack = new Int32Array(n + 1);
  let count = 0;
  for (const r of roots) {
    let sp = 0;
    stack[sp++] = r;
    while (sp > 0) {
      const k = stack[--sp];
      posOf[k] = count;
      order[count++] = k;
      for (let c = childStart[k + 1] - 1; c >= childStart[k]; c--) stack[sp++] = childList[c]!;
    }
  }
  return { posOf, order, count };
}

/** Nodes not reached from a root hang on a cycle (or under an unknown parent, reported): name the cycles. */
function findCycles(ctx: BuildCtx, parentIn: Int32Array, posOf: Int32Array, count: number): Uint8Array {
  const nodes = ctx.nodes;
  const n = nodes.length;
  const err = (code: string, zh: string, en: string, k: number, field: keyof NodeInput) => ctx.err(code, zh, en, k, field);
  const inCycle = new Uint8Array(n);
  if (count < n) {
    const state = new Uint8Array(n); // 0 new, 1 on current walk, 2 done
    for (let k = 0; k < n; k++) {
      if (posOf[k] !== -1 || state[k] !== 0 || parentIn[k] < 0) continue;
      const walk: number[] = [];
      let x = k;
      while (x >= 0 && posOf[x] === -1 && state[x] === 0) {
        state[x] = 1;
        walk.push(x);
        x = parentIn[x]!;
      }
      if (x >= 0 && state[x] === 1) {
        const cyc = walk.slice(walk.indexOf(x));
        const codes = cyc.map((c) => nodes[c].code).join(' → ');
        for (const c of cyc) {
          inCycle[c] = 1;
          err('E_CYCLE', `上下级关系成环：${codes} → ${nodes[x].code}`, `parent links form a cycle: ${codes} → ${nodes[x].code}`, c, 'parent');
        }
      }
      for (const w of walk) state[w] = 2;
    }
  }
  return inCycle;
}

/** The node fields in pre-order. */
function layout(nodes: readonly NodeInput[], checked: Checked, parentIn: Int32Array, posOf: Int32Array, order: Int32Array) {
  const lvl = checked.lvl;
  const n = nodes.length;
  const parents = new Int32Array(n);
  const depths = new Uint8Array(n);
  const levelOf = new Uint8Array(n);
  const sizes = new Int32Array(n).fill(1);
  const codes = new Array<string>(n);
  const names = new Array<string>(n);
  let namesEn: (string | undefined)[] | undefined;
  let validFrom: (string | undefined)[] | undefined;
  let validTo: (string | undefined)[] | undefined;
  let zones: Uint8Array | undefined;
  for (let i = 0; i < n; i++) {
    const k = order[i];
    const nd = nodes[k];
    const p = parentIn[k];
    const pi = p < 0 ? -1 : posOf[p];
    parents[i] = pi;
    depths[i] = pi < 0 ? 0 : depths[pi] + 1;
    levelOf[i] = lvl[k]!;
    codes[i] = nd.code;
    names[i] = checked.names[k]!;
    const en = checked.namesEn[k];
    if (en !== undefined) (namesEn ??= new Array(n))[i] = en;
    if (nd.validFrom !== undefined) (validFrom ??= new Array(n))[i] = nd.validFrom;
    if (nd.validTo !== undefined) (validTo ??= new Array(n))[i] = nd.validTo;
    if (nd.zone === true) (zones ??= new Uint8Array(n))[i] = 1;
  }
  for (let i = n - 1; i > 0; i--) sizes[parents[i]] += sizes[i];
  const ends = new Int32Array(n);
  for (let i = 0; i < n; i++) ends[i] = i + sizes[i];
  const childCounts = new Int32Array(n);
  for (let i = 1; i < n; i++) childCounts[parents[i]]++;
  return { parents, depths, levelOf, ends, childCounts, codes, names, namesEn, validFrom, validTo, zones };
}

/** Per-level prefix sums over pre-order: count of level l in [0, i) is levelPrefix[l*(n+1)+i]. */
function levelPrefixSums(levelOf: Uint8Array, L: number): Int32Array {
  const n = levelOf.length;
  const levelPrefix = new Int32Array(L * (n + 1));
  for (let i = 0; i < n; i++) {
    const li = levelOf[i];
    levelPrefix[li * (n + 1) + i + 1] = 1;
  }
  for (let l = 0; l < L; l++) {
    const base = l * (n + 1);
    for (let i = 1; i <= n; i++) levelPrefix[base + i] += levelPrefix[base + i - 1];
  }
  return levelPrefix;
}

/**
 * Builds the immutable pre-order index of a hierarchy in one linear pass, after checking
 * every record: required fields, level ids, code length and digits, the level's usual code
 * ranges (warnings), codes extending the parent's significant prefix (children of a
 * functional zone are checked against the zone's parent), unknown parents, duplicate codes,
 * cycles, levels out of order, dates, and exactly one root on the first level. All problems
 * are returned at once; with any error there is no index.
 *
 * @example
 * ```ts
 * const r = buildHierarchy(config, [
 *   { code: '350300000000', parent: null, level: 'city', name: '莆田市' },
 *   { code: '350304000000', parent: '350300000000', level: 'county', name: '荔城区' },
 * ]);
 * if (r.ok) r.value.search('lcq'); // [1]
 * else for (const e of r.errors) console.log(formatIssue(e));
 * ```
 */
export function buildHierarchy(
  config: HierarchyConfig,
  nodes: readonly NodeInput[],
  opts: BuildOptions = {},
): Result<Hierarchy> {
  needObject('buildHierarchy', 'config', config);
  if (!Array.isArray(nodes)) throw argumentError('buildHierarchy', 'nodes', { zh: '节点数组', en: 'an array of nodes' });
  if (opts !== undefined) needObject('buildHierarchy', 'opts', opts);
  for (let k = 0; k < nodes.length; k++) if (!isObject(nodes[k])) throw argumentError('buildHierarchy', `nodes[${k}]`, { zh: '对象', en: 'an object' });
  const cfgProblems = checkConfig(config);
  if (cfgProblems.length > 0) return fail(cfgProblems);
  const ctx = new BuildCtx(nodes, config.levels, opts);
  const checked = checkRecords(ctx);
  const { parentIn, roots } = linkParents(ctx, checked);
  const { posOf, order, count } = numberPreorder(nodes.length, parentIn, roots);
  const inCycle = count < nodes.length ? findCycles(ctx, parentIn, posOf, count) : new Uint8Array(0);
  for (const d of ctx.deferred) if (!inCycle[d.k]) ctx.errors.push(d.p);
  if (ctx.errors.length > 0) return fail(ctx.errors, ctx.warnings);
  const a = layout(nodes, checked, parentIn, posOf, order);
  const levelPrefix = levelPrefixSums(a.levelOf, config.levels.length);
  checked.table.renumber(posOf, a.codes);
  const index = new PreorderIndex(
    config, nodes.length, a.parents, a.ends, a.depths, a.levelOf, a.childCounts, levelPrefix,
    a.codes, a.names, a.namesEn, a.validFrom, a.validTo, a.zones, checked.table,
  );
  return ok(index, ctx.warnings);
}

/**
 * A built hierarchy: the {@link HierarchyIndex} contract plus per-kind searches, O(1)
 * per-level counts and the remaining node fields. This is what {@link buildHierarchy} returns.
 *
 * @example
 * ```ts
 * const r = buildHierarchy(config, nodes);
 * if (r.ok) {
 *   const h: Hierarchy = r.value;
 *   h.countAtLevel(0, 'grid');   // grids in the whole tree
 *   h.searchInitials('lcq');     // 荔城区 and others
 * }
 * ```
 */
export interface Hierarchy extends HierarchyIndex {
  /** Number of nodes of one level (id or position) in the subtree of i, in O(1). */
  countAtLevel(i: number, level: string | number): number;
  /** Nodes whose name contains the query (case-insensitive), in pre-order. */
  searchName(query: string, limit?: number): number[];
  /** Nodes whose name's pinyin initials contain the query (`lcq` → 荔城区), in pre-order; every reading of a polyphonic character counts. */
  searchInitials(query: string, limit?: number): number[];
  /** Nodes whose code starts with the prefix, in pre-order. */
  searchCode(prefix: string, limit?: number): number[];
  /** True if node i is a functional zone. */
  isZone(i: number): boolean;
  /** The ISO date from which node i is valid, if set. */
  validFrom(i: number): string | undefined;
  /** The ISO date until which node i is valid (exclusive), if set. */
  validTo(i: number): string | undefined;
  /** All nodes as plain records, in pre-order (for export). */
  nodes(): NodeInput[];
}

/** The implementation of {@link HierarchyIndex}; construct through `buildHierarchy`. */
class PreorderIndex implements Hierarchy {
  readonly #childCounts: Int32Array;
  readonly #levelPrefix: Int32Array;
  readonly #codes: readonly string[];
  readonly #names: readonly string[];
  readonly #namesEn: readonly (string | undefined)[] | undefined;
  readonly #validFrom: readonly (string | undefined)[] | undefined;
  readonly #validTo: readonly (string | undefined)[] | undefined;
  readonly #zones: Uint8Array | undefined;
  readonly #table: CodeTable;
  readonly #levelIds: Map<string, number>;
  #search: NameSearch | undefined;

  constructor(
    readonly config: HierarchyConfig,
    readonly size: number,
    readonly parents: Int32Array,
    readonly ends: Int32Array,
    readonly depths: Uint8Array,
    readonly levelOf: Uint8Array,
    childCounts: Int32Array,
    levelPrefix: Int32Array,
    codes: string[],
    names: string[],
    namesEn: (string | undefined)[] | undefined,
    validFrom: (string | undefined)[] | undefined,
    validTo: (string | undefined)[] | undefined,
    zones: Uint8Array | undefined,
    table: CodeTable,
  ) {
    this.#childCounts = childCounts;
    this.#levelPrefix = levelPrefix;
    this.#codes = Object.freeze(codes);
    this.#names = Object.freeze(names);
    this.#namesEn = namesEn && Object.freeze(namesEn);
    this.#validFrom = validFrom && Object.freeze(validFrom);
    this.#validTo = validTo && Object.freeze(validTo);
    this.#zones = zones;
    this.#table = table;
    this.#levelIds = new Map(config.levels.map((l, j) => [l.id, j]));
    Object.freeze(this);
  }

  indexOf(code: string): number {
    return typeof code === 'string' ? this.#table.get(code) : -1;
  }
  code(i: number): string {
    return this.#codes[this.#check(i)];
  }
  name(i: number): string {
    return this.#names[this.#check(i)];
  }
  nameEn(i: number): string {
    return this.#namesEn?.[this.#check(i)] ?? this.#names[i];
  }
  level(i: number): LevelDef {
    return this.config.levels[this.levelOf[this.#check(i)]];
  }
  childCount(i: number): number {
    return this.#childCounts[this.#check(i)];
  }
  children(i: number): number[] {
    const end = this.ends[this.#check(i)];
    const out: number[] = [];
    for (let c = i + 1; c < end; c = this.ends[c]!) out.push(c);
    return out;
  }
  isAncestor(a: number, b: number): boolean {
    return a <= b && b < this.ends[a];
  }
  ancestorAt(i: number, level: string | number): number {
    const l = typeof level === 'number' ? level : (this.#levelIds.get(level) ?? -1);
    let x = this.#check(i);
    if (l < 0 || l > this.levelOf[x]) return -1;
    while (x >= 0 && this.levelOf[x] > l) x = this.parents[x]!;
    return x >= 0 && this.levelOf[x] === l ? x : -1;
  }
  path(i: number): number[] {
    const out: number[] = [];
    for (let x = this.#check(i); x >= 0; x = this.parents[x]!) out.push(x);
    return out.reverse();
  }
  countByLevel(i: number): number[] {
    const end = this.ends[this.#check(i)];
    const stride = this.size + 1;
    const out: number[] = [];
    for (let l = 0; l < this.config.levels.length; l++) {
      out.push(this.#levelPrefix[l * stride + end] - this.#levelPrefix[l * stride + i]);
    }
    return out;
  }
  countAtLevel(i: number, level: string | number): number {
    const l = typeof level === 'number' ? level : (this.#levelIds.get(level) ?? -1);
    if (l < 0 || l >= this.config.levels.length) return 0;
    const end = this.ends[this.#check(i)];
    const base = l * (this.size + 1);
    return this.#levelPrefix[base + end] - this.#levelPrefix[base + i];
  }
  search(query: string, limit = 50): number[] {
    return this.#searcher().search(query, limit, this.#codes);
  }
  searchName(query: string, limit = 50): number[] {
    return this.#searcher().byName(query, limit);
  }
  searchInitials(query: string, limit = 50): number[] {
    return this.#searcher().byInitials(query, limit);
  }
  searchCode(prefix: string, limit = 50): number[] {
    return this.#searcher().byCode(prefix, limit, this.#codes);
  }
  node(i: number): NodeInput {
    this.#check(i);
    const p = this.parents[i];
    const out: NodeInput = {
      code: this.#codes[i],
      parent: p < 0 ? null : this.#codes[p],
      level: this.config.levels[this.levelOf[i]].id,
      name: this.#names[i],
    };
    const en = this.#namesEn?.[i];
    if (en !== undefined) out.nameEn = en;
    if (this.#zones?.[i]) out.zone = true;
    const vf = this.#validFrom?.[i];
    if (vf !== undefined) out.validFrom = vf;
    const vt = this.#validTo?.[i];
    if (vt !== undefined) out.validTo = vt;
    return out;
  }
  isZone(i: number): boolean {
    return this.#zones?.[this.#check(i)] === 1;
  }
  validFrom(i: number): string | undefined {
    return this.#validFrom?.[this.#check(i)];
  }
  validTo(i: number): string | undefined {
    return this.#validTo?.[this.#check(i)];
  }
  nodes(): NodeInput[] {
    const out = new Array<NodeInput>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.node(i);
    return out;
  }
  #searcher(): NameSearch {
    // The search tables are built on first use; the index stays logically immutable.
    return (this.#search ??= new NameSearch(this.#names));
  }
  #check(i: number): number {
    if (!(i >= 0 && i < this.size && Number.isInteger(i))) {
      throw new JcError(issue('E_NO_NODE', `位置 ${i} 没有节点`, `no node at position ${i}`));
    }
    return i;
  }
}
