// What the routes share with the app that mounts them, apart from app.ts so that a route
// module need not import the app (which imports every route).
import type { Actor } from '@jiceng/core';
import type { Access, AuditLog } from '@jiceng/core/access';

/**
 * What each authenticated request carries: the actor from the token, its access context and
 * the audit log its reads write to (flushed to the store after the answer).
 *
 * @example
 * ```ts
 * app.get('/api/x', (c: Context<ApiEnv>) => c.json({ id: c.var.actor.id }));
 * ```
 */
export type ApiEnv = { Variables: { actor: Actor; access: Access; audit: AuditLog } };
