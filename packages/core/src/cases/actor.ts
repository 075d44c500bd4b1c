/**
 * Who acts: an actor holds roles on nodes; the scope of a role is the subtree of its node.
 * @module
 */

/**
 * A role held on a node (by code). Scope = that node's subtree.
 *
 * @example
 * ```ts
 * const g: RoleGrant = { role: 'grid-worker', node: '350302001001001' };
 * ```
 */
export interface RoleGrant {
  /** Role id from the policy table, e.g. `'grid-worker'`, `'town-officer'`, `'citizen'`. */
  role: string;
  /** Code of the node on which the role is held. */
  node: string;
}

/**
 * A person or system acting on Jiceng data.
 *
 * @example
 * ```ts
 * const a: Actor = { id: 'u-1001', name: '林网格', roles: [{ role: 'grid-worker', node: '350302001001001' }] };
 * ```
 */
export interface Actor {
  /** Stable id. */
  id: string;
  /** Display name (may itself be masked when shown to others). */
  name?: string;
  /** The roles this actor holds. */
  roles: RoleGrant[];
}
