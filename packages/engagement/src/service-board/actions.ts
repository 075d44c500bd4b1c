/**
 * Which order actions an actor may take, as a pure function of the order and the actor's
 * roles — the same rules the core's `decideEngagement` enforces (the host still decides).
 * @module
 */
import type { Actor } from '@jiceng/core';
import { DEFAULT_ENGAGEMENT_POLICY, type EngagementPolicy, type OrderState } from '@jiceng/core/engagement';
import type { BoardAction } from '../shared/events.js';
import { need } from '@jiceng/core/errors';

/**
 * The actions `actor` may take on `order` now: the community's staff dispatch an order waiting
 * for a member; the member dispatched accepts or declines, then completes; the resident who
 * ordered cancels before the service and confirms after it (never a service they gave).
 *
 * @example
 * ```ts
 * orderActions(order, { id: 'pm-1', roles: [] }); // ['acceptOrder', 'declineOrder'] when dispatched to pm-1
 * ```
 */
export function orderActions(order: OrderState, actor: Actor | undefined, policy: EngagementPolicy = DEFAULT_ENGAGEMENT_POLICY): BoardAction[] {
  need('orderActions', 'order', order, 'object');
  if (actor !== undefined) need('orderActions', 'actor', actor, 'object', { id: 'string', roles: 'array' });
  need('orderActions', 'policy', policy, 'object');
  if (!actor) return [];
  const out: BoardAction[] = [];
  const staff = actor.roles.some((g) => (policy.dispatchOrder ?? []).includes(g.role));
  const resident = actor.id === order.resident;
  const member = actor.id === order.member;
  switch (order.status) {
    case 'ordered':
      if (staff) out.push('dispatchOrder');
      if (resident) out.push('cancelOrder');
      break;
    case 'dispatched':
      if (member) out.push('acceptOrder', 'declineOrder');
      if (resident) out.push('cancelOrder');
      break;
    case 'accepted':
      if (member) out.push('completeOrder');
      break;
    case 'completed':
      if (resident && !member) out.push('confirmOrder');
      break;
    default:
      break;
  }
  return out;
}

/**
 * True if `actor` holds a role that may place orders.
 *
 * @example
 * ```ts
 * mayOrder({ id: 'r1', roles: [{ role: 'citizen', node: '350302001001001001' }] }); // true
 * ```
 */
export function mayOrder(actor: Actor | undefined, policy: EngagementPolicy = DEFAULT_ENGAGEMENT_POLICY): boolean {
  if (actor !== undefined) need('mayOrder', 'actor', actor, 'object', { id: 'string', roles: 'array' });
  need('mayOrder', 'policy', policy, 'object');
  return Boolean(actor?.roles.some((g) => (policy.placeOrder ?? []).includes(g.role)));
}
