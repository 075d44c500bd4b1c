/**
 * The access context: one actor, the hierarchy, the reading rules, the field policy, the
 * actor's scope and the audit log every sensitive read is written to.
 * @module
 */
import type { HierarchyIndex } from '../hierarchy/contract.js';
import type { Actor } from '../cases/actor.js';
import { DEFAULT_ROLE_RULES, type RoleRule } from './roles.js';
import { DEFAULT_FIELD_POLICY, type FieldPolicy } from './fields.js';
import { scopeOf, type Scope } from './scope.js';
import { sensitivityRank } from './sensitivity.js';
import { AuditLog } from './audit.js';
import { need, needAccess } from '../errors/args.js';
import { ACTOR, HIERARCHY } from '../shapes.js';

/**
 * Options of {@link createAccess}.
 *
 * @example
 * ```ts
 * const opts: AccessOptions = { roles: DEFAULT_ROLE_RULES, now: () => Date.parse('2026-11-26T08:00:00+08:00') };
 * ```
 */
export interface AccessOptions {
  /** Reading rights per role (default {@link DEFAULT_ROLE_RULES}). */
  roles?: readonly RoleRule[];
  /** Field sensitivities per record kind (default {@link DEFAULT_FIELD_POLICY}). */
  fields?: FieldPolicy;
  /** Where audit events go (default: a new in-memory {@link AuditLog}). */
  audit?: AuditLog;
  /** The clock, epoch ms (default `Date.now`). */
  now?: () => number;
  /** Level id whose node name replaces exact addresses (default `'grid'`). */
  addressLevel?: string;
}

/**
 * Everything the access functions need about one actor. Build it once per request or
 * session with {@link createAccess}; it is immutable except for the audit log it appends to.
 *
 * @example
 * ```ts
 * const access = createAccess(actor, hierarchy);
 * access.scope.roots();
 * ```
 */
export interface Access {
  readonly actor: Actor;
  readonly hierarchy: HierarchyIndex;
  readonly roles: ReadonlyMap<string, RoleRule>;
  readonly fields: FieldPolicy;
  readonly scope: Scope;
  readonly audit: AuditLog;
  readonly now: () => number;
  readonly addressLevel: string;
  /** The actor's grants with a known role and node, as (rule, node position). */
  readonly grants: ReadonlyArray<{ rule: RoleRule; pos: number }>;
}

/**
 * Builds the access context of an actor.
 *
 * @example
 * ```ts
 * const access = createAccess({ id: 'u1', roles: [{ role: 'grid-worker', node: '350302001001001' }] }, h);
 * access.scope.inScope(h.indexOf('350302001001001001')); // true
 * ```
 */
export function createAccess(actor: Actor, hierarchy: HierarchyIndex, options: AccessOptions = {}): Access {
  need('createAccess', 'actor', actor, 'object', ACTOR);
  need('createAccess', 'hierarchy', hierarchy, 'object', HIERARCHY);
  need('createAccess', 'options', options, 'object');
  const roleList = options.roles ?? DEFAULT_ROLE_RULES;
  const roles = new Map(roleList.map((r) => [r.id, r]));
  const grants: Array<{ rule: RoleRule; pos: number }> = [];
  for (const g of actor.roles) {
    const rule = roles.get(g.role);
    const pos = hierarchy.indexOf(g.node);
    if (rule && rule.scope === 'subtree' && pos >= 0) grants.push({ rule, pos });
  }
  return Object.freeze({
    actor,
    hierarchy,
    roles,
    fields: options.fields ?? DEFAULT_FIELD_POLICY,
    scope: scopeOf(actor, hierarchy, roleList),
    audit: options.audit ?? new AuditLog(),
    now: options.now ?? Date.now,
    addressLevel: options.addressLevel ?? 'grid',
    grants: Object.freeze(grants),
  });
}

/**
 * What the actor may read unmasked about a record at node position `pos`: the highest
 * sensitivity rank over the grants whose subtree contains `pos` (a grant held at a level not
 * in its role's `atLevels` counts as `internal`), and whether one of those roles contacts
 * reporters. Outside the scope: rank −1.
 *
 * @example
 * ```ts
 * readRightsAt(access, h.indexOf('350302001001001001')); // { rank: 2, contactsReporters: true }
 * ```
 */
export function readRightsAt(access: Access, pos: number): { rank: number; contactsReporters: boolean } {
  needAccess('readRightsAt', access);
  need('readRightsAt', 'pos', pos, 'integer');
  let rank = -1;
  let contacts = false;
  if (pos < 0) return { rank, contactsReporters: contacts };
  const h = access.hierarchy;
  for (const { rule, pos: g } of access.grants) {
    if (!h.isAncestor(g, pos)) continue;
    const atLevel = !rule.atLevels || rule.atLevels.includes(h.level(g).id);
    const r = atLevel ? sensitivityRank(rule.reads) : Math.min(sensitivityRank(rule.reads), sensitivityRank('internal'));
    if (r > rank) rank = r;
    if (atLevel && rule.contactsReporters) contacts = true;
  }
  return { rank, contactsReporters: contacts };
}

/**
 * True if the actor may read individual records of a special-population group at `pos`:
 * one of its roles lists the group and is held on an ancestor of `pos`.
 *
 * @example
 * ```ts
 * canReadGroup(access, 'severe-mental-disorder', h.indexOf('350302001001001001'));
 * ```
 */
export function canReadGroup(access: Access, group: string, pos: number): boolean {
  needAccess('canReadGroup', access);
  need('canReadGroup', 'group', group, 'string');
  need('canReadGroup', 'pos', pos, 'integer');
  if (pos < 0) return false;
  return access.grants.some(({ rule, pos: g }) => rule.registryGroups?.includes(group) && access.hierarchy.isAncestor(g, pos));
}

/**
 * True if the actor may change registry records of `group` at `pos`.
 *
 * @example
 * ```ts
 * canWriteGroup(access, 'drug-user', pos);
 * ```
 */
export function canWriteGroup(access: Access, group: string, pos: number): boolean {
  needAccess('canWriteGroup', access);
  need('canWriteGroup', 'group', group, 'string');
  need('canWriteGroup', 'pos', pos, 'integer');
  if (pos < 0) return false;
  return access.grants.some(
    ({ rule, pos: g }) => rule.registryWrites === true && rule.registryGroups?.includes(group) && access.hierarchy.isAncestor(g, pos),
  );
}

/**
 * The position of a record's node: `node` may be a code or a position; −1 if unknown.
 *
 * @example
 * ```ts
 * nodePosition(h, '350302001001001'); // its pre-order position
 * ```
 */
export function nodePosition(hierarchy: HierarchyIndex, node: unknown): number {
  need('nodePosition', 'hierarchy', hierarchy, 'object', HIERARCHY);
  if (typeof node === 'number') return Number.isInteger(node) && node >= 0 && node < hierarchy.size ? node : -1;
  if (typeof node === 'string') return hierarchy.indexOf(node);
  return -1;
}
