/**
 * Registry events and the fold that turns them into the registry's state. Events are
 * append-only; replaying them gives the same state.
 * @module
 */
import type { LegalBasis } from './groups.js';
import type { FilledForm } from './forms.js';
import { need } from '../errors/args.js';
import { REGISTRY } from '../shapes.js';

/**
 * A person's identifying details, as recorded.
 *
 * @example
 * ```ts
 * const p: PersonDetails = { name: '张三明', idNumber: '350302199001011234', phone: '13812345678' };
 * ```
 */
export interface PersonDetails {
  name: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  birthDate?: string;
  guardianName?: string;
  guardianPhone?: string;
}

/**
 * What every registry event carries.
 *
 * @example
 * ```ts
 * const b: RegistryEventBase = { at: 1764115200000, by: 'u1', personId: 'p1' };
 * ```
 */
export interface RegistryEventBase {
  /** When, epoch ms. */
  at: number;
  /** Actor id. */
  by: string;
  personId: string;
}

/**
 * One change of the registry.
 *
 * @example
 * ```ts
 * const e: RegistryEvent = { type: 'followed-up', at: 1764115200000, by: 'u1', personId: 'p1', riskLevel: 1 };
 * ```
 */
export type RegistryEvent =
  | (RegistryEventBase & { type: 'enrolled'; group: string; node: string; person: PersonDetails; legalBasis: LegalBasis; riskLevel?: number })
  | (RegistryEventBase & { type: 'risk-assessed'; riskLevel: number; note?: string })
  | (RegistryEventBase & { type: 'followed-up'; riskLevel?: number; outcome?: string })
  | (RegistryEventBase & { type: 'handed-over'; from: string; to: string; note?: string; form?: FilledForm })
  | (RegistryEventBase & { type: 'notified'; from: 'town' | 'police'; to: 'town' | 'police' })
  | (RegistryEventBase & { type: 'basis-recorded'; legalBasis: LegalBasis })
  | (RegistryEventBase & { type: 'moved'; node: string })
  | (RegistryEventBase & { type: 'left'; reason: string });

/**
 * A hand-over between bodies.
 *
 * @example
 * ```ts
 * const h: Handover = { at: 1764115200000, by: 'u1', from: 'hospital', to: 'governance' };
 * ```
 */
export interface Handover {
  at: number;
  by: string;
  from: string;
  to: string;
  note?: string;
  /** The form of the 一历五单 it was made with, if any. */
  form?: FilledForm;
}

/**
 * One person in the registry, as folded from their events.
 *
 * @example
 * ```ts
 * registry.persons.get('p1')?.riskLevel;
 * ```
 */
export interface RegistryPerson {
  id: string;
  group: string;
  node: string;
  person: PersonDetails;
  enrolledAt: number;
  /** Risk level 0–5 (mental-health groups), or undefined. */
  riskLevel?: number;
  /** When the current risk level was set. */
  riskSince?: number;
  /** When the person first became level 3 or above in the current unstable spell (NaN if never). */
  unstableSince: number;
  /** Times of follow-ups, ascending. */
  followUps: number[];
  handovers: Handover[];
  /** Every legal basis recorded, oldest first. */
  legalBases: LegalBasis[];
  /** The level-3+ notification due for the current unstable spell: when it became due, and whether it was made. */
  notification?: { since: number; notifiedAt?: number };
  status: 'active' | 'left';
  leftAt?: number;
  /** Number of events applied to this person (its version). */
  version: number;
}

/**
 * The registry: persons by id, and the number of events applied.
 *
 * @example
 * ```ts
 * const empty: RegistryState = emptyRegistry();
 * ```
 */
export interface RegistryState {
  readonly persons: ReadonlyMap<string, RegistryPerson>;
  readonly version: number;
}

/** An empty registry. @example `const s = emptyRegistry();` */
export function emptyRegistry(): RegistryState {
  return { persons: new Map(), version: 0 };
}

function insertSorted(list: number[], t: number): number[] {
  const out = list.slice();
  let i = out.length;
  while (i > 0 && out[i - 1] > t) i--;
  out.splice(i, 0, t);
  return out;
}

function fold(p: RegistryPerson | undefined, e: RegistryEvent): RegistryPerson | undefined {
  if (e.type === 'enrolled') {
    const unstable = e.riskLevel !== undefined && e.riskLevel >= 3;
    return {
      id: e.personId, group: e.group, node: e.node, person: { ...e.person }, enrolledAt: e.at,
      riskLevel: e.riskLevel, riskSince: e.riskLevel !== undefined ? e.at : undefined,
      unstableSince: unstable ? e.at : NaN, followUps: [], handovers: [], legalBases: [e.legalBasis],
      notification: unstable ? { since: e.at } : undefined, status: 'active', version: 1,
    };
  }
  if (!p) return p;
  const next: RegistryPerson = { ...p, version: p.version + 1 };
  const setRisk = (level: number | undefined, at: number) => {
    if (level === undefined) return;
    const wasUnstable = (p.riskLevel ?? 0) >= 3;
    next.riskLevel = level;
    next.riskSince = at;
    if (level >= 3 && !wasUnstable) {
      next.unstableSince = at;
      next.notification = { since: at };
    } else if (level < 3) next.unstableSince = NaN;
  };
  switch (e.type) {
    case 'risk-assessed': setRisk(e.riskLevel, e.at); break;
    case 'followed-up': next.followUps = insertSorted(p.followUps, e.at); if (e.at >= (p.riskSince ?? -Infinity)) setRisk(e.riskLevel, e.at); break;
    case 'handed-over': next.handovers = [...p.handovers, { at: e.at, by: e.by, from: e.from, to: e.to, ...(e.note ? { note: e.note } : {}), ...(e.form ? { form: { set: e.form.set, form: e.form.form, fields: { ...e.form.fields } } } : {}) }]; break;
    case 'notified': if (p.notification && p.notification.notifiedAt === undefined) next.notification = { ...p.notification, notifiedAt: e.at }; break;
    case 'basis-recorded': next.legalBases = [...p.legalBases, e.legalBasis]; break;
    case 'moved': next.node = e.node; break;
    case 'left': next.status = 'left'; next.leftAt = e.at; break;
  }
  return next;
}

/**
 * Applies one (already decided) event and returns the new state; the old one is unchanged.
 *
 * @example
 * ```ts
 * const r = decideRegistry(state, access, command);
 * if (r.ok) state = evolveRegistry(state, r.value);
 * ```
 */
export function evolveRegistry(state: RegistryState, e: RegistryEvent): RegistryState {
  need('evolveRegistry', 'state', state, 'object', REGISTRY);
  need('evolveRegistry', 'e', e, 'object', { type: 'string' });
  const persons = new Map(state.persons);
  const p = fold(persons.get(e.personId), e);
  if (p) persons.set(e.personId, p);
  return { persons, version: state.version + 1 };
}

/**
 * Folds a stream of events into a registry (the stream is the record; this is its state).
 *
 * @example
 * ```ts
 * const state = replayRegistry(storedEvents);
 * ```
 */
export function replayRegistry(events: Iterable<RegistryEvent>): RegistryState {
  need('replayRegistry', 'events', events, 'iterable');
  const state: MutableRegistryState = { persons: new Map(), version: 0 };
  for (const e of events) applyOne(state, e);
  return state;
}

/**
 * A registry state that {@link applyRegistry} changes in place. Every `MutableRegistryState`
 * is a {@link RegistryState}, so the views read it as they are.
 *
 * @example
 * ```ts
 * const live: MutableRegistryState = { persons: new Map(), version: 0 };
 * ```
 */
export interface MutableRegistryState {
  persons: Map<string, RegistryPerson>;
  version: number;
}

/**
 * Applies one (already decided) event to `state` in place — the hot path of a live record
 * that folds a feed: {@link evolveRegistry} copies the whole registry on every event, which
 * over a feed of them costs the square of its size.
 *
 * @example
 * ```ts
 * const live: MutableRegistryState = { persons: new Map(), version: 0 };
 * for (const e of feed) applyRegistry(live, e);
 * ```
 */
export function applyRegistry(state: MutableRegistryState, e: RegistryEvent): void {
  need('applyRegistry', 'state', state, 'object', REGISTRY);
  need('applyRegistry', 'e', e, 'object', { type: 'string' });
  applyOne(state, e);
}

function applyOne(state: MutableRegistryState, e: RegistryEvent): void {
  const p = fold(state.persons.get(e.personId), e);
  if (p) state.persons.set(e.personId, p);
  state.version++;
}
