/**
 * The events of `<jc-service-board>`, with typed `detail`.
 * @module
 */
import type { JcIssue } from '@jiceng/core';

/**
 * The order actions the board offers.
 *
 * @example
 * ```ts
 * const a: BoardAction = 'dispatchOrder';
 * ```
 */
export type BoardAction = 'placeOrder' | 'dispatchOrder' | 'acceptOrder' | 'declineOrder' | 'completeOrder' | 'confirmOrder' | 'cancelOrder';

/**
 * `jc-command` of `<jc-service-board>`: the user took an action; `command` passed the core's
 * `validateEngagementCommand` and is ready for `decideEngagement` / `EngagementStore.execute`.
 * Answer with `board.showResult(result)`.
 *
 * @example
 * ```ts
 * board.addEventListener('jc-command', (e) => {
 *   const { command } = (e as CustomEvent<JcEngagementCommandDetail>).detail;
 *   board.showResult(store.execute(command, actor));
 * });
 * ```
 */
export interface JcEngagementCommandDetail {
  action: BoardAction;
  command: Record<string, unknown> & { type: BoardAction; commandId: string; order: string };
}

/**
 * What the host gives back after running a command (only `ok` and `errors` are read).
 *
 * @example
 * ```ts
 * board.showResult({ ok: false, errors: [issue('E_WRONG_STATE', '状态不允许', 'wrong state')] });
 * ```
 */
export type BoardResult = { ok: true } | { ok: false; errors: readonly JcIssue[] };
