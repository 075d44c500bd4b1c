/**
 * Reading the registry: individual records only for roles that need them, masked and
 * audited; figures for dashboards only as in-scope aggregates with small cells suppressed.
 * Nothing of the registry is ever shown on a public or wall-screen view.
 * @module
 */
import { fail, ok, type Result } from '../errors/errors.js';
import type { Access } from '../access/context.js';
import { accessIssue } from '../access/messages.js';
import { auditEvent, viewRecords } from '../access/read.js';
import { isOpenView, type View } from '../access/sensitivity.js';
import { DEFAULT_MIN_CELL, suppressCount, suppressSmallCells, type SuppressedCell } from '../access/cells.js';
import type { RegistryPerson, RegistryState } from './events.js';
import { DEFAULT_GROUPS, type PopulationGroup } from './groups.js';
import type { HandoverFormSet } from './forms.js';
import { annualFollowUps, followUpDue, notificationDue } from './schedule.js';
import { chinaWorkingDays, type WorkingDayFn } from './calendar.js';
import { CHINA_UTC_OFFSET_MS } from '../calendar/time.js';
import { need, needAccess } from '../errors/args.js';
import { REGISTRY, PERSON } from '../shapes.js';

/**
 * Options of the registry read functions.
 *
 * @example
 * ```ts
 * const o: RegistryViewOptions = { purpose: '随访', now: Date.now(), minCell: 5 };
 * ```
 */
export interface RegistryViewOptions {
  /** Why (required for individual records). */
  purpose?: string;
  /** The view (default `staff`); `public` and `wall-screen` are refused. */
  view?: View;
  /** The time figures are computed at (default: the access clock). */
  now?: number;
  /** The groups in use (default {@link DEFAULT_GROUPS}). */
  groups?: readonly PopulationGroup[];
  /** The working-day calendar for notification deadlines (default {@link chinaWorkingDays}). */
  isWorkingDay?: WorkingDayFn;
  /** Minimum cell size for aggregates (default 5). */
  minCell?: number;
  /** Only people whose follow-up or notification is overdue. */
  overdueOnly?: boolean;
  /** The 一历五单 form set, so that hand-over figures list every form (with zeros). */
  forms?: HandoverFormSet;
}

/**
 * A registry person as a plain record (the `special-population` field policy applies).
 *
 * @example
 * ```ts
 * const rec = personRecord(person, Date.now());
 * rec.nextFollowUpDue; // '2025-02-28' or undefined
 * ```
 */
export function personRecord(
  p: RegistryPerson,
  now: number,
  groups: readonly PopulationGroup[] = DEFAULT_GROUPS,
  isWorkingDay: WorkingDayFn = chinaWorkingDays(),
): Record<string, unknown> {
  need('personRecord', 'p', p, 'object', PERSON);
  need('personRecord', 'now', now, 'time');
  need('personRecord', 'groups', groups, 'array');
  need('personRecord', 'isWorkingDay', isWorkingDay, 'function');
  const due = followUpDue(p, now, groups);
  const notice = notificationDue(p, now, isWorkingDay);
  const iso = (d: { y: number; m: number; d: number }) => `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
  return {
    id: p.id, node: p.node, group: p.group, status: p.status, enrolledAt: p.enrolledAt,
    ...p.person,
    ...(p.riskLevel !== undefined ? { riskLevel: p.riskLevel } : {}),
    ...(due ? { nextFollowUpDue: iso(due.date), followUpOverdue: due.overdue } : {}),
    ...(notice ? { notificationDue: iso(notice.date), notificationOverdue: notice.overdue } : {}),
    legalBasis: p.legalBases[p.legalBases.length - 1]?.basis,
  };
}

/**
 * The registry records the actor may read — in scope, of a group one of its roles covers —
 * masked by the field policy, with a purpose, audited. Refused on open views.
 *
 * @example
 * ```ts
 * const r = registryRecords(access, state, { purpose: '季度随访', overdueOnly: true });
 * ```
 */
export function registryRecords(access: Access, state: RegistryState, options: RegistryViewOptions = {}): Result<Record<string, unknown>[]> {
  needAccess('registryRecords', access);
  need('registryRecords', 'state', state, 'object', REGISTRY);
  need('registryRecords', 'options', options, 'object');
  const now = options.now ?? access.now();
  const groups = options.groups ?? DEFAULT_GROUPS;
  const rows: Record<string, unknown>[] = [];
  for (const p of state.persons.values()) {
    const rec = personRecord(p, now, groups, options.isWorkingDay);
    if (options.overdueOnly && rec.followUpOverdue !== true && rec.notificationOverdue !== true) continue;
    rows.push(rec);
  }
  return viewRecords(access, 'special-population', rows, { purpose: options.purpose, view: options.view ?? 'staff' });
}

/**
 * Registry figures of one node, small cells suppressed.
 *
 * @example
 * ```ts
 * const f: RegistryFigures = { node: '350302001000', byGroup: {}, total: 0, overdueFollowUps: 0, overdueNotifications: 0, belowAnnualMinimum: 0, handovers: 0, handoversByForm: {} };
 * ```
 */
export interface RegistryFigures {
  node: string;
  /** Active people per group. */
  byGroup: Record<string, SuppressedCell>;
  /** Active people in all groups (`null` when suppressed). */
  total: number | null;
  /** Mental-health follow-ups overdue now. */
  overdueFollowUps: number | null;
  /** Level-3+ notifications between town and police overdue now. */
  overdueNotifications: number | null;
  /** People with fewer follow-ups than required in the last complete year. */
  belowAnnualMinimum: number | null;
  /** Hand-overs made (一历五单 forms sent) for people of the node, active or not. */
  handovers: number | null;
  /** Hand-overs per form id of the 一历五单 (`none` for hand-overs without a form). */
  handoversByForm: Record<string, SuppressedCell>;
}

/**
 * Aggregate registry figures for the nodes the actor asks for: each must be in scope
 * (otherwise the whole call is refused, not answered with zeros); counts between 1 and
 * `minCell − 1` are suppressed. No names, no ids; not for open views. Writes no audit
 * event (no personal data leaves).
 *
 * @example
 * ```ts
 * const r = registryFigures(access, state, [h.indexOf('350302001000')], { minCell: 5 });
 * if (r.ok) dashboard.figures = r.value;
 * ```
 */
export function registryFigures(
  access: Access,
  state: RegistryState,
  nodes: readonly number[],
  options: RegistryViewOptions = {},
): Result<RegistryFigures[]> {
  needAccess('registryFigures', access);
  need('registryFigures', 'state', state, 'object', REGISTRY);
  need('registryFigures', 'nodes', nodes, 'array');
  need('registryFigures', 'options', options, 'object');
  const view = options.view ?? 'staff';
  if (isOpenView(view)) {
    auditEvent(access, { action: 'refused', purpose: options.purpose ?? '', kind: 'special-population', records: [], nodes: [], view, fields: [], refusal: 'E_FORBIDDEN_VIEW' });
    return fail([accessIssue('E_FORBIDDEN_VIEW', 'special-population')]);
  }
  const h = access.hierarchy;
  for (const n of nodes) {
    if (!Number.isInteger(n) || n < 0 || n >= h.size) return fail([accessIssue('E_UNKNOWN_NODE', String(n))]);
    if (!access.scope.inScope(n)) return fail([accessIssue('E_OUT_OF_SCOPE', h.code(n))]);
  }
  const now = options.now ?? access.now();
  const groups = options.groups ?? DEFAULT_GROUPS;
  const minCell = options.minCell ?? DEFAULT_MIN_CELL;
  const lastYear = Number(new Date(now + CHINA_UTC_OFFSET_MS).getUTCFullYear()) - 1;
  // One pass over the people in scope; each adds to the requested nodes on its ancestor path.
  const slot = new Map<number, number>();
  nodes.forEach((n, k) => { if (!slot.has(n)) slot.set(n, k); });
  const acc = nodes.map(() => ({
    counts: Object.fromEntries(groups.map((g) => [g.id, 0])),
    total: 0, overdue: 0, notices: 0, below: 0, handovers: 0,
    forms: Object.fromEntries((options.forms?.forms ?? []).map((f) => [f.id, 0])),
  }));
  for (const p of state.persons.values()) {
    const pos = h.indexOf(p.node);
    if (pos < 0 || !access.scope.inScope(pos)) continue;
    if (p.handovers.length) {
      for (let a = pos; a >= 0; a = h.parents[a]) {
        const k = slot.get(a);
        if (k === undefined) continue;
        const c = acc[k];
        c.handovers += p.handovers.length;
        for (const x of p.handovers) { const f = x.form?.form ?? 'none'; c.forms[f] = (c.forms[f] ?? 0) + 1; }
      }
    }
    if (p.status !== 'active') continue;
    const overdue = followUpDue(p, now, groups)?.overdue === true;
    const notice = notificationDue(p, now, options.isWorkingDay)?.overdue === true;
    const below = annualFollowUps(p, lastYear, now, groups)?.below === true;
    for (let a = pos; a >= 0; a = h.parents[a]) {
      const k = slot.get(a);
      if (k === undefined) continue;
      const c = acc[k];
      c.total++;
      c.counts[p.group] = (c.counts[p.group] ?? 0) + 1;
      if (overdue) c.overdue++;
      if (notice) c.notices++;
      if (below) c.below++;
    }
  }
  return ok(
    nodes.map((n) => {
      const c = acc[slot.get(n)!];
      return {
        node: h.code(n),
        byGroup: suppressSmallCells(c.counts, { minCell }),
        total: suppressCount(c.total, minCell),
        overdueFollowUps: suppressCount(c.overdue, minCell),
        overdueNotifications: suppressCount(c.notices, minCell),
        belowAnnualMinimum: suppressCount(c.below, minCell),
        handovers: suppressCount(c.handovers, minCell),
        handoversByForm: suppressSmallCells(c.forms, { minCell }),
      };
    }),
  );
}

/**
 * One person's file 一历: follow-ups (`follow-up` records) and hand-overs (`handover` records),
 * oldest first, masked and audited like every registry read. A person the actor may not
 * read gives an empty file, not an error (the registry does not reveal who is in it).
 *
 * @example
 * ```ts
 * const r = registryHistory(access, state, 'p1', { purpose: '随访前查阅' });
 * if (r.ok) r.value.handovers.map((x) => `${x.from} → ${x.to}`);
 * ```
 */
export function registryHistory(
  access: Access,
  state: RegistryState,
  personId: string,
  options: RegistryViewOptions = {},
): Result<{ followUps: Record<string, unknown>[]; handovers: Record<string, unknown>[] }> {
  needAccess('registryHistory', access);
  need('registryHistory', 'state', state, 'object', REGISTRY);
  need('registryHistory', 'personId', personId, 'string');
  need('registryHistory', 'options', options, 'object');
  const p = state.persons.get(personId);
  const base = p ? { personId: p.id, node: p.node, group: p.group } : undefined;
  const followUps = base ? p!.followUps.map((at, k) => ({ id: `${p!.id}/f${k}`, ...base, at })) : [];
  const handovers = base
    ? p!.handovers.map((x, k) => ({ id: `${p!.id}/h${k}`, ...base, at: x.at, from: x.from, to: x.to, ...(x.note ? { note: x.note } : {}) }))
    : [];
  const read = { purpose: options.purpose, view: options.view ?? 'staff' };
  const f = viewRecords(access, 'follow-up', followUps, read);
  if (!f.ok) return f;
  const hv = viewRecords(access, 'handover', handovers, read);
  if (!hv.ok) return hv;
  return ok({ followUps: f.value, handovers: hv.value });
}
