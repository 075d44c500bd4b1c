/**
 * `@jiceng/engagement`: `<jc-service-board>` (a community's service orders, with the actions
 * each role may take, emitted as `jc-command`) and `<jc-ledger>` (a printable statement of
 * time-bank hours or points). Importing the package registers both elements.
 *
 * @example
 * ```ts
 * import '@jiceng/engagement';
 * const board = document.querySelector('jc-service-board')!;
 * board.orders = [...store.state.orders.values()];
 * board.addEventListener('jc-command', (e) => board.showResult(store.execute((e as CustomEvent).detail.command, actor)));
 * ```
 * @packageDocumentation
 */
export * from './service-board/service-board.js';
export * from './ledger/ledger.js';
export * from './define.js';
export * from './shared/events.js';
export * from './service-board/actions.js';
export * from './shared/i18n.js';
export * from './shared/styles.js';
