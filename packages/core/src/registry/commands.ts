/**
 * Registry commands: checked against the actor's rights and scope and against the registry,
 * they yield one event or a refusal that changes nothing.
 * @module
 */
import { fail, issue, ok, type JcIssue, type Result } from '../errors/errors.js';
import { canWriteGroup, type Access } from '../access/context.js';
import { accessIssue } from '../access/messages.js';
import type { RegistryEvent, RegistryState } from './events.js';
import { DEFAULT_GROUPS, HANDOVER_BODIES, LEGAL_BASES, type LegalBasis, type PopulationGroup } from './groups.js';
import { checkFilledForm, type HandoverFormSet } from './forms.js';
import { need, needAccess } from '../errors/args.js';
import { REGISTRY } from '../shapes.js';

/**
 * A registry command: an event without its author, with an optional time (for a visit
 * recorded afterwards: not in the future, not before enrolment) and an optional expected
 * version of the person (optimistic concurrency).
 *
 * @example
 * ```ts
 * const c: RegistryCommand = { type: 'followed-up', personId: 'p1', riskLevel: 2, expectedVersion: 3 };
 * ```
 */
export type RegistryCommand = (RegistryEvent extends infer E ? (E extends unknown ? Omit<E, 'at' | 'by'> : never) : never) & { at?: number; expectedVersion?: number };

/**
 * Options of {@link decideRegistry}.
 *
 * @example
 * ```ts
 * const o: RegistryOptions = { groups: DEFAULT_GROUPS, bodies: HANDOVER_BODIES };
 * ```
 */
export interface RegistryOptions {
  groups?: readonly PopulationGroup[];
  /** The bodies of hand-overs (default: the form set's, else {@link HANDOVER_BODIES}). */
  bodies?: readonly PopulationGroup[];
  /** The place's 一历五单: with it, a mental-health hand-over names its form and fills it. */
  forms?: HandoverFormSet;
}

function validBasis(b: unknown): b is LegalBasis {
  if (!b || typeof b !== 'object') return false;
  const x = b as Partial<LegalBasis>;
  return (
    typeof x.basis === 'string' && (LEGAL_BASES as readonly string[]).includes(x.basis) &&
    Array.isArray(x.articles) && x.articles.length > 0 && x.articles.every((a) => typeof a === 'string' && a.trim() !== '') &&
    typeof x.informed === 'boolean'
  );
}

const riskOk = (r: unknown): boolean => Number.isInteger(r) && (r as number) >= 0 && (r as number) <= 5;

/**
 * Decides a registry command: the actor must hold a writing role for the person's group on
 * an ancestor of the person's node; a person outside the actor's reach is reported as
 * unknown (the registry does not reveal who is in it).
 *
 * @example
 * ```ts
 * const r = decideRegistry(state, access, {
 *   type: 'enrolled', personId: 'p1', group: 'severe-mental-disorder', node: '350302001001001001',
 *   person: { name: '张三明' }, riskLevel: 3,
 *   legalBasis: { basis: 'statutory-duty', articles: ['PIPL 13(1)(3)', 'Mental Health Law 24'], informed: true },
 * });
 * if (r.ok) state = evolveRegistry(state, r.value);
 * ```
 */
export function decideRegistry(
  state: RegistryState,
  access: Access,
  command: RegistryCommand,
  options: RegistryOptions = {},
): Result<RegistryEvent> {
  need('decideRegistry', 'state', state, 'object', REGISTRY);
  needAccess('decideRegistry', access);
  need('decideRegistry', 'command', command, 'object');
  need('decideRegistry', 'options', options, 'object');
  const groups = options.groups ?? DEFAULT_GROUPS;
  const bodies = options.bodies ?? options.forms?.bodies ?? HANDOVER_BODIES;
  const h = access.hierarchy;
  const errors: JcIssue[] = [];
  const now = access.now();
  const c = command as RegistryCommand & Record<string, unknown>;
  if (typeof c.personId !== 'string' || c.personId.trim() === '') return fail([accessIssue('E_BAD_INPUT', 'personId', 'personId')]);
  const at = c.at ?? now;
  if (typeof at !== 'number' || !Number.isFinite(at) || at > now) return fail([accessIssue('E_BAD_TIME', String(at), 'at')]);
  const { expectedVersion, at: _at, ...rest } = c;
  const event = { ...rest, at, by: access.actor.id };

  if (c.type === 'enrolled') {
    const group = groups.find((g) => g.id === c.group);
    if (!group) errors.push(accessIssue('E_UNKNOWN_GROUP', String(c.group), 'group'));
    const pos = typeof c.node === 'string' ? h.indexOf(c.node) : -1;
    if (pos < 0) errors.push(accessIssue('E_UNKNOWN_NODE', String(c.node), 'node'));
    else if (group && !canWriteGroup(access, group.id, pos)) errors.push(accessIssue('E_NOT_PERMITTED', group.id, 'group'));
    if (!c.person || typeof c.person.name !== 'string' || c.person.name.trim() === '') errors.push(accessIssue('E_BAD_INPUT', 'person.name', 'person.name'));
    if (!validBasis(c.legalBasis)) errors.push(accessIssue('E_NO_LEGAL_BASIS', undefined, 'legalBasis'));
    if (group?.mentalHealth ? !riskOk(c.riskLevel) : c.riskLevel !== undefined) {
      errors.push(accessIssue(group?.mentalHealth ? 'E_BAD_RISK_LEVEL' : 'E_NOT_MENTAL_HEALTH', undefined, 'riskLevel'));
    }
    if (errors.length === 0 && state.persons.has(c.personId)) {
      const other = state.persons.get(c.personId)!;
      const otherPos = h.indexOf(other.node);
      // Only someone who may see the existing record learns that it exists.
      errors.push(canWriteGroup(access, other.group, otherPos) ? accessIssue('E_DUPLICATE_PERSON', c.personId) : accessIssue('E_BAD_INPUT', 'personId', 'personId'));
    }
    return errors.length ? fail(errors) : ok(event);
  }

  const p = state.persons.get(c.personId);
  if (!p || !canWriteGroup(access, p.group, h.indexOf(p.node))) return fail([accessIssue('E_UNKNOWN_PERSON', c.personId, 'personId')]);
  if (p.status === 'left') return fail([accessIssue('E_PERSON_CLOSED', c.personId)]);
  if (expectedVersion !== undefined && expectedVersion !== p.version) return fail([accessIssue('E_BAD_VERSION', `${expectedVersion} ≠ ${p.version}`)]);
  if (at < p.enrolledAt) return fail([accessIssue('E_TIME_ORDER', undefined, 'at')]);
  const mental = groups.find((g) => g.id === p.group)?.mentalHealth === true;
  switch (c.type) {
    case 'risk-assessed':
      if (!mental) errors.push(accessIssue('E_NOT_MENTAL_HEALTH'));
      else if (!riskOk(c.riskLevel)) errors.push(accessIssue('E_BAD_RISK_LEVEL', undefined, 'riskLevel'));
      break;
    case 'followed-up':
      if (c.riskLevel !== undefined && (!mental || !riskOk(c.riskLevel))) {
        errors.push(accessIssue(mental ? 'E_BAD_RISK_LEVEL' : 'E_NOT_MENTAL_HEALTH', undefined, 'riskLevel'));
      }
      break;
    case 'handed-over':
      for (const k of ['from', 'to'] as const) if (!bodies.some((b) => b.id === c[k])) errors.push(accessIssue('E_BAD_INPUT', k, k));
      if (c.from === c.to) errors.push(accessIssue('E_BAD_INPUT', 'from = to', 'to'));
      if (c.form !== undefined) {
        if (!options.forms) errors.push(issue('E_FORM_SET', '未配置一历五单表单集', 'no 一历五单 form set is configured', { column: 'form' }));
        else errors.push(...checkFilledForm(options.forms, c.form, c.from, c.to));
      } else if (options.forms && mental) {
        errors.push(issue('E_FORM_MISSING', '精神障碍患者的交接须填写一历五单中的表单', "a mental-health hand-over is made with one of the 一历五单's forms", { column: 'form' }));
      }
      break;
    case 'notified':
      if (!p.notification || p.notification.notifiedAt !== undefined) errors.push(accessIssue('E_BAD_INPUT', 'no notification due'));
      if (!['town', 'police'].includes(c.from) || !['town', 'police'].includes(c.to) || c.from === c.to) errors.push(accessIssue('E_BAD_INPUT', 'from/to', 'to'));
      break;
    case 'basis-recorded':
      if (!validBasis(c.legalBasis)) errors.push(accessIssue('E_NO_LEGAL_BASIS', undefined, 'legalBasis'));
      break;
    case 'moved':
      if (typeof c.node !== 'string' || h.indexOf(c.node) < 0) errors.push(accessIssue('E_UNKNOWN_NODE', String(c.node), 'node'));
      break;
    case 'left':
      if (typeof c.reason !== 'string' || c.reason.trim() === '') errors.push(accessIssue('E_BAD_INPUT', 'reason', 'reason'));
      break;
    default:
      errors.push(accessIssue('E_BAD_INPUT', 'type', 'type'));
  }
  return errors.length ? fail(errors) : ok(event);
}
