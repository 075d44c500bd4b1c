/**
 * The registry as CSV without personal details: `registry.csv` (one pseudonymous record per
 * person: group, node, enrolment date, risk level, legal basis) and `handovers.csv` (one row
 * per hand-over with its 一历五单 form). No names, identity numbers, phones or form contents
 * leave this way. Checked row by row like every import.
 * @module
 */
import Papa from 'papaparse';
import { fail, issue, ok, type JcIssue, type Result } from '../errors/errors.js';
import { decodeText, unifyRowBreaks } from '../io/text.js';
import { toCsv } from '../access/export.js';
import type { RegistryState } from './events.js';
import type { HandoverFormSet } from './forms.js';
import { DEFAULT_GROUPS, LEGAL_BASES, type PopulationGroup } from './groups.js';
import { need } from '../errors/args.js';
import { REGISTRY } from '../shapes.js';
import { CHINA_UTC_OFFSET_MS } from '../calendar/time.js';

/**
 * The registry files and their columns.
 *
 * @example
 * ```ts
 * REGISTRY_CSV_FILES.handovers.columns; // ['person', 'date', 'from', 'to', 'form']
 * ```
 */
export const REGISTRY_CSV_FILES = Object.freeze({
  records: { file: 'registry.csv', columns: ['id', 'group', 'node', 'enrolled', 'risk_level', 'basis', 'status'] },
  handovers: { file: 'handovers.csv', columns: ['person', 'date', 'from', 'to', 'form'] },
} as const);

const iso = (ms: number) => new Date(ms + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);

/**
 * Writes the registry's pseudonymous records and hand-overs as CSV (CRLF; a BOM if `bom`).
 *
 * @example
 * ```ts
 * const files = exportRegistryCsv(replayRegistry(events), { bom: true });
 * files['registry.csv'].split('\r\n')[0]; // '\uFEFFid,group,node,enrolled,risk_level,basis,status'
 * ```
 */
export function exportRegistryCsv(state: RegistryState, opts: { bom?: boolean } = {}): Record<string, string> {
  need('exportRegistryCsv', 'state', state, 'object', REGISTRY);
  need('exportRegistryCsv', 'opts', opts, 'object');
  const bom = opts.bom ? '\uFEFF' : '';
  const people = [...state.persons.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const records = people.map((p) => ({
    id: p.id, group: p.group, node: p.node, enrolled: iso(p.enrolledAt), risk_level: p.riskLevel === undefined ? '' : String(p.riskLevel),
    basis: p.legalBases[p.legalBases.length - 1]?.basis ?? '', status: p.status,
  }));
  const handovers = people.flatMap((p) => p.handovers.map((x) => ({ person: p.id, date: iso(x.at), from: x.from, to: x.to, form: x.form?.form ?? '' })));
  const table = (cols: readonly string[], rows: Record<string, string>[]) => bom + (rows.length ? toCsv(rows) : `${cols.join(',')}\r\n`);
  return { 'registry.csv': table(REGISTRY_CSV_FILES.records.columns, records), 'handovers.csv': table(REGISTRY_CSV_FILES.handovers.columns, handovers) };
}

/**
 * Checks registry CSV files row by row: known group, existing node, a `YYYY-MM-DD`
 * enrolment, a risk level 0–5 exactly for mental-health groups, a known legal basis; a
 * hand-over of a listed person of a mental-health group, not before enrolment, between
 * known bodies, with a form of the set that passes between them. Every problem names file,
 * row and column; gives the counts when there is none.
 *
 * @example
 * ```ts
 * const r = checkRegistryCsv({ 'registry.csv': text }, { nodeExists: (c) => h.indexOf(c) >= 0 });
 * if (r.ok) r.value.records; // 69000
 * ```
 */
export function checkRegistryCsv(
  files: Record<string, string | Uint8Array>,
  opts: { nodeExists?: (code: string) => boolean; groups?: readonly PopulationGroup[]; forms?: HandoverFormSet } = {},
): Result<{ records: number; handovers: number }> {
  need('checkRegistryCsv', 'files', files, 'object');
  need('checkRegistryCsv', 'opts', opts, 'object', { nodeExists: 'function?', groups: 'array?', forms: 'object?' });
  const groups = opts.groups ?? DEFAULT_GROUPS;
  const errors: JcIssue[] = [];
  const warnings: JcIssue[] = [];
  const people = new Map<string, { group: string; enrolled: string }>();
  let handovers = 0;
  const rows = (file: string, columns: readonly string[], each: (cell: (h: string) => string, err: (code: string, zh: string, en: string, column: string) => void) => void) => {
    const input = files[file];
    if (input === undefined) return;
    const dec = decodeText(input, file);
    warnings.push(...dec.warnings);
    const parsed = Papa.parse<string[]>(unifyRowBreaks(dec.text), { header: false, delimiter: ',', newline: '\n', skipEmptyLines: true });
    for (const e of parsed.errors) errors.push(issue('E_CSV_SYNTAX', `CSV 格式错误：${e.message}`, `CSV syntax error: ${e.message}`, { file, row: (e.row ?? 0) + 1 }));
    const header = (parsed.data[0] ?? []).map((x) => x.trim().replace(/^\uFEFF/, ''));
    const missing = columns.filter((c) => !header.includes(c));
    for (const c of missing) errors.push(issue('E_CSV_HEADER', `缺少必需的列“${c}”`, `missing required column "${c}"`, { file, row: 1, column: c }));
    if (missing.length) return;
    for (let r = 1; r < parsed.data.length; r++) {
      const cells = parsed.data[r];
      each((h) => (cells[header.indexOf(h)] ?? '').trim(), (code, zh, en, column) => errors.push(issue(code, zh, en, { file, row: r + 1, column })));
    }
  };
  const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
  rows(REGISTRY_CSV_FILES.records.file, REGISTRY_CSV_FILES.records.columns, (cell, err) => {
    const id = cell('id');
    if (!id) err('E_CSV_REQUIRED', '缺少编号', 'missing id', 'id');
    else if (people.has(id)) err('E_LIST_DUPLICATE_ID', `编号重复：${id}`, `duplicate id: ${id}`, 'id');
    const group = groups.find((g) => g.id === cell('group'));
    if (!group) err('E_UNKNOWN_GROUP', `人群类别不存在：${cell('group')}`, `no such group: ${cell('group')}`, 'group');
    if (opts.nodeExists && !opts.nodeExists(cell('node'))) err('E_UNKNOWN_NODE', `节点编码不存在：${cell('node')}`, `no such node code: ${cell('node')}`, 'node');
    if (!isDate(cell('enrolled'))) err('E_LIST_DATE', `日期须为 YYYY-MM-DD：${cell('enrolled')}`, `date must be YYYY-MM-DD: ${cell('enrolled')}`, 'enrolled');
    const risk = cell('risk_level');
    if (group?.mentalHealth ? !/^[0-5]$/.test(risk) : risk !== '') {
      err('E_BAD_RISK_LEVEL', group?.mentalHealth ? `危险性等级须为 0–5：${risk}` : '只有精神障碍患者记录危险性等级', group?.mentalHealth ? `the risk level must be 0–5: ${risk}` : 'only mental-health records carry a risk level', 'risk_level');
    }
    if (!(LEGAL_BASES as readonly string[]).includes(cell('basis'))) err('E_NO_LEGAL_BASIS', `法律依据无效：${cell('basis')}`, `invalid legal basis: ${cell('basis')}`, 'basis');
    if (!['active', 'left'].includes(cell('status'))) err('E_LIST_ENUM', `状态无效：${cell('status')}`, `invalid status: ${cell('status')}`, 'status');
    if (id && !people.has(id)) people.set(id, { group: cell('group'), enrolled: cell('enrolled') });
  });
  const bodies = opts.forms?.bodies.map((b) => b.id);
  rows(REGISTRY_CSV_FILES.handovers.file, REGISTRY_CSV_FILES.handovers.columns, (cell, err) => {
    handovers++;
    const p = people.get(cell('person'));
    if (!p) { err('E_UNKNOWN_PERSON', `台账中没有此人：${cell('person')}`, `no such person in the registry: ${cell('person')}`, 'person'); return; }
    if (!groups.find((g) => g.id === p.group)?.mentalHealth) err('E_NOT_MENTAL_HEALTH', '一历五单只用于精神障碍患者', 'the 一历五单 is for people with mental disorders only', 'person');
    if (!isDate(cell('date'))) err('E_LIST_DATE', `日期须为 YYYY-MM-DD：${cell('date')}`, `date must be YYYY-MM-DD: ${cell('date')}`, 'date');
    else if (isDate(p.enrolled) && cell('date') < p.enrolled) err('E_TIME_ORDER', '交接早于建档', 'the hand-over predates the enrolment', 'date');
    for (const k of ['from', 'to']) if (bodies && !bodies.includes(cell(k))) err('E_BAD_INPUT', `交接单位不存在：${cell(k)}`, `no such body: ${cell(k)}`, k);
    if (opts.forms && cell('form') !== '') {
      const form = opts.forms.forms.find((f) => f.id === cell('form'));
      if (!form) err('E_FORM_UNKNOWN', `表单不存在：${cell('form')}`, `no such form: ${cell('form')}`, 'form');
      else if (form.from !== cell('from') || form.to !== cell('to')) err('E_FORM_BODIES', `${form.number}${form.name.zh} 用于 ${form.from} → ${form.to}`, `${form.number} ${form.name.en} passes ${form.from} → ${form.to}`, 'to');
    }
  });
  return errors.length ? fail(errors, warnings) : ok({ records: people.size, handovers }, warnings);
}
