/**
 * The events of `<jc-alerts>` and `<jc-dispatch-board>`. They bubble and cross shadow roots.
 * @module
 */

/**
 * `jc-command`: the user chose an action; `command` is a ready core command — for an alert,
 * `acknowledge`, `assign`, `escalate` or `resolve` for `decideAlert`; on the board, a case
 * `dispatch` for `decide`. The host applies it and sets the new data.
 *
 * @example
 * ```ts
 * list.addEventListener('jc-command', (e) => log.execute(e.detail.command, actor, ctx));
 * ```
 */
export interface JcAlertCommandDetail {
  command: Record<string, unknown> & { type: string; expectedVersion: number };
}
