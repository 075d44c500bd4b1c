/**
 * CSV export of the lists and the funding ledger: the files {@link importListsCsv} reads,
 * one row per record, every column of {@link LIST_CSV_FILES} and {@link FUNDING_CSV_FILES}.
 * Exporting and importing again gives the same state.
 * @module
 */
import { writeCsv } from '../io/csv-write.js';
import { FUNDING_CSV_FILES, LIST_CSV_FILES } from './csv.js';
import type { ListKind, ListsState } from './types.js';
import { need } from '../errors/args.js';
import { LISTS } from '../shapes.js';

const join = (xs: readonly string[] | undefined) => (xs ?? []).join(';');

/** One record as CSV cells keyed by header. */
function rowOf(kind: ListKind, r: Record<string, unknown>): Record<string, string> {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a cell shows whatever the record holds, as String() gives it
  const t = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  const text = (base: string, v: unknown) => ({ [`${base}_zh`]: t((v as { zh?: string })?.zh), [`${base}_en`]: t((v as { en?: string })?.en) });
  const policies = { policies: join(r.policies as string[]) };
  switch (kind) {
    case 'policies': return { id: t(r.id), kind: t(r.kind), ...text('title', r.title), number: t(r.number), issuer: t(r.issuer), issued: t(r.issued), sector: t(r.sector) };
    case 'work': return { id: t(r.id), level: t(r.level), role: t(r.role), node: t(r.node), ...text('duty', r.duty), frequency: t(r.frequency), ...policies };
    case 'sectors': return { id: t(r.id), sector: t(r.sector), ...text('title', r.title), owner: t(r.owner), status: t(r.status), ...policies };
    case 'projects': return {
      id: t(r.id), ...text('name', r.name), owner: t(r.owner), sector: t(r.sector), status: t(r.status), progress: t(r.progress),
      funding: ((r.funding as { source: string; amount: number }[]) ?? []).map((f) => `${f.source}:${f.amount}`).join(';'),
      milestones: ((r.milestones as { id: string; title: string; due: string; done?: string }[]) ?? []).map((m) => [m.id, m.title, m.due, m.done ?? ''].join('|')).join(';'),
      ...policies,
    };
    case 'responsibilities': return { id: t(r.id), level: t(r.level), kind: t(r.kind), ...text('matter', r.matter), basis: t(r.basis), categories: join(r.categories as string[]), ...policies };
    case 'empowered': return { id: t(r.id), node: t(r.node), category: t(r.category), ...text('matter', r.matter), basis: t(r.basis), since: t(r.since), until: t(r.until), ...policies };
  }
}

/** CSV text with exactly the given columns, even for no rows. */
function table(columns: readonly { header: string }[], rows: Record<string, string>[], bom: boolean): string {
  const head = columns.map((c) => c.header);
  return writeCsv(head, rows.map((r) => head.map((h) => r[h] ?? '')), { bom });
}

/**
 * The lists and the funding ledger as CSV files keyed by file name (UTF-8, CRLF; with a BOM
 * if `bom`, so that Excel opens them as UTF-8). A cancelled project is written cancelled and
 * its allocations with what was released; importing the files again replays the same ledger.
 *
 * @example
 * ```ts
 * const files = exportListsCsv(state, { bom: true });
 * Object.keys(files); // ['policies.csv', 'work.csv', …, 'spendings.csv']
 * ```
 */
export function exportListsCsv(state: ListsState, opts: { bom?: boolean } = {}): Record<string, string> {
  need('exportListsCsv', 'state', state, 'object', LISTS);
  need('exportListsCsv', 'opts', opts, 'object');
  const bom = opts.bom ?? false;
  const out: Record<string, string> = {};
  const byId = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const kind of Object.keys(LIST_CSV_FILES) as ListKind[]) {
    const { file, columns } = LIST_CSV_FILES[kind];
    out[file] = table(columns, byId(Object.values(state[kind]) as { id: string }[]).map((r) => rowOf(kind, r as Record<string, unknown>)), bom);
  }
  const f = state.funding;
  out[FUNDING_CSV_FILES.sources.file] = table(FUNDING_CSV_FILES.sources.columns, byId(Object.values(f.sources)).map((s) => ({
    id: s.id, name_zh: s.name.zh, name_en: s.name.en, level: s.level, node: s.node, budget: String(s.budget), purposes: join(s.purposes),
    from: s.period.from, to: s.period.to, policies: join(s.policies),
  })), bom);
  out[FUNDING_CSV_FILES.allocations.file] = table(FUNDING_CSV_FILES.allocations.columns, byId(Object.values(f.allocations)).map((a) => ({
    id: a.id, source: a.source, project: a.target.kind === 'project' ? a.target.id : '', work: a.target.kind === 'work' ? a.target.id : '',
    node: a.target.kind === 'work' ? a.target.node : '', amount: String(a.amount), purpose: a.purpose, date: a.date, released: a.released ? String(a.released) : '',
  })), bom);
  out[FUNDING_CSV_FILES.spendings.file] = table(FUNDING_CSV_FILES.spendings.columns, byId(Object.values(f.spendings)).map((x) => ({
    id: x.id, allocation: x.allocation, amount: String(x.amount), purpose: x.purpose, date: x.date, note: x.note ?? '',
  })), bom);
  return out;
}
