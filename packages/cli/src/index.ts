/**
 * `@jiceng/cli`: the `jiceng` command (`validate`, `putian`, …) and the pieces to run it
 * in-process: {@link main}, the command registry and an in-memory I/O for tests.
 *
 * @example
 * ```ts
 * import { main, memoryIo } from '@jiceng/cli';
 * const io = memoryIo();
 * await main(['putian', '--lang', 'en'], io);
 * ```
 * @packageDocumentation
 */
export * from './command.js';
export * from './io.js';
export * from './main.js';
export * from './case-log.js';
export * from './commands/index.js';
export * from './commands/dossier.js';
export * from './commands/history.js';
export * from './commands/putian.js';
export * from './commands/replay.js';
export * from './commands/validate.js';
export * from './commands/calendar.js';
export * from './commands/lists.js';
export * from './lists-files.js';
