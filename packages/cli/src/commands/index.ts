/**
 * The registry of `jiceng` commands: one file per command in this folder, one line each here.
 * @module
 */
import type { Command } from '../command.js';
import { calendarCommand } from './calendar.js';
import { alertsCommand } from './alerts.js';
import { dossierCommand } from './dossier.js';
import { engagementCommand } from './engagement.js';
import { exportCommand } from './export.js';
import { historyCommand } from './history.js';
import { importCommand } from './import.js';
import { listsCommand } from './lists.js';
import { putianCommand } from './putian.js';
import { replayCommand } from './replay.js';
import { statsCommand } from './stats.js';
import { validateCommand } from './validate.js';

/**
 * Every `jiceng` command, in the order `jiceng --help` lists them.
 *
 * @example
 * ```ts
 * COMMANDS.map((c) => c.name);  // ['validate', 'putian', …]
 * ```
 */
export const COMMANDS: readonly Command[] = [
  validateCommand,
  putianCommand,
  historyCommand,
  replayCommand,
  statsCommand,
  dossierCommand,
  calendarCommand,
  listsCommand,
  engagementCommand,
  alertsCommand,
  importCommand,
  exportCommand,
];
