/**
 * The shape of a `jiceng` command and the helpers every command shares: exit codes, the
 * language switch, argument parsing with usage errors in zh and en.
 * @module
 */
import { parseArgs } from 'node:util';
import type { Lang, LocalizedText } from '@jiceng/core';
import { needIo, type CliIo } from './io.js';
import { need } from '@jiceng/core/errors';

/**
 * Exit codes: 0 all well, 1 problems found in the input, 2 the command was used wrongly.
 *
 * @example
 * ```ts
 * if (errors.length) return EXIT.problems;
 * ```
 */
export const EXIT = Object.freeze({ ok: 0, problems: 1, usage: 2 } as const);

/**
 * One `jiceng` sub-command. Each lives in its own file under `src/commands/` and is listed in
 * `src/commands/index.ts`.
 *
 * @example
 * ```ts
 * export const hello: Command = {
 *   name: 'hello',
 *   summary: { zh: '打招呼', en: 'Say hello' },
 *   usage: 'jiceng hello [--lang en]',
 *   run(args, io) {
 *     const p = parseCommandArgs(hello, args, {}, io);
 *     if (!p.ok) return p.exit;
 *     io.out(p.lang === 'en' ? 'hello\n' : '你好\n');
 *     return EXIT.ok;
 *   },
 * };
 * ```
 */
export interface Command {
  /** The word after `jiceng`. */
  name: string;
  /** One line on what the command does. */
  summary: LocalizedText;
  /** The synopsis, e.g. `jiceng validate <dir-or-files…> [--lang en]`; may have more lines. */
  usage: string;
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run(args: string[], io: CliIo): number | Promise<number>;
}

/**
 * The options a command accepts, as `node:util` `parseArgs` takes them.
 *
 * @example
 * ```ts
 * const options: OptionSpec = { seed: { type: 'string' }, summary: { type: 'boolean' } };
 * ```
 */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/**
 * The outcome of {@link parseCommandArgs}: the parsed values, or the exit code to return
 * (usage printed for `--help`, a usage error printed to stderr otherwise).
 *
 * @example
 * ```ts
 * const p: ParsedArgs = parseCommandArgs(cmd, ['--lang', 'en'], {}, io);
 * if (p.ok) p.lang; // 'en'
 * ```
 */
export type ParsedArgs =
  | { ok: true; lang: Lang; values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] }
  | { ok: false; exit: number };

/**
 * The language asked for with `--lang en` / `--lang=en` (default zh), read before full
 * parsing so that even a usage error speaks the user's language.
 *
 * @example
 * ```ts
 * langOf(['a.csv', '--lang', 'en']);  // 'en'
 * langOf([]);                         // 'zh'
 * ```
 */
export function langOf(args: readonly string[]): Lang {
  need('langOf', 'args', args, 'array');
  for (const a of args) need('langOf', 'args[]', a, 'string');
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    const v = a === '--lang' ? args[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'en' || v === 'zh') return v;
  }
  return 'zh';
}

/**
 * Prints a usage error (zh or en) and the command's synopsis to stderr; returns
 * {@link EXIT}.usage.
 *
 * @example
 * ```ts
 * return usageError(cmd, io, 'en', { zh: '缺少目录', en: 'missing directory' });
 * ```
 */
export function usageError(cmd: Command, io: CliIo, lang: Lang, message: LocalizedText): number {
  need('usageError', 'cmd', cmd, 'object', { name: 'string', usage: 'string', run: 'function' });
  needIo('usageError', io);
  need('usageError', 'lang', lang, 'string');
  need('usageError', 'message', message, 'object', { zh: 'string', en: 'string' });
  io.err(lang === 'en'
    ? `jiceng ${cmd.name}: usage error: ${message.en}\nUsage: ${cmd.usage}\n`
    : `jiceng ${cmd.name}：用法错误：${message.zh}\n用法：${cmd.usage}\n`);
  return EXIT.usage;
}

/** Turns a `parseArgs` error into a message in zh and en. */
function parseProblem(e: unknown): LocalizedText {
  const code = (e as { code?: string }).code;
  const text = e instanceof Error ? e.message : String(e);
  const subject = /'([^']+)'/.exec(text)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return { zh: `未知选项 ${subject}`, en: `unknown option ${subject}` };
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return { zh: `选项 ${subject} 的值无效（${text}）`, en: `invalid value for option ${subject} (${text})` };
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return { zh: `多余的参数 ${subject}`, en: `unexpected argument ${subject}` };
    default:
      return { zh: text, en: text };
  }
}

/**
 * Parses a command's arguments with `node:util` `parseArgs` (strict), adding `--lang zh|en`
 * and `--help`/`-h` to every command. On `--help` the usage is printed and the exit code is
 * 0; on a bad option, a bad `--lang` or a wrong number of positionals a usage error is
 * printed and the exit code is 2.
 *
 * @example
 * ```ts
 * const p = parseCommandArgs(cmd, args, { out: { type: 'string' } }, io, { min: 0, max: 0 });
 * if (!p.ok) return p.exit;
 * const out = p.values.out as string | undefined;
 * ```
 */
export function parseCommandArgs(
  cmd: Command,
  args: string[],
  options: OptionSpec,
  io: CliIo,
  positionals: { min?: number; max?: number } = {},
): ParsedArgs {
  need('parseCommandArgs', 'cmd', cmd, 'object', { name: 'string', usage: 'string', run: 'function' });
  need('parseCommandArgs', 'args', args, 'array');
  need('parseCommandArgs', 'options', options, 'object');
  needIo('parseCommandArgs', io);
  need('parseCommandArgs', 'positionals', positionals, 'object', { min: 'count?', max: 'count?' });
  const lang = langOf(args);
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      options: { ...options, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    return { ok: false, exit: usageError(cmd, io, lang, parseProblem(e)) };
  }
  const l = parsed.values.lang;
  if (l !== undefined && l !== 'zh' && l !== 'en') {
    return { ok: false, exit: usageError(cmd, io, lang, { zh: `--lang 只能是 zh 或 en，而不是 ${String(l)}`, en: `--lang must be zh or en, not ${String(l)}` }) };
  }
  if (parsed.values.help) {
    io.out(`${cmd.summary[lang]}\n${lang === 'en' ? 'Usage: ' : '用法：'}${cmd.usage}\n`);
    return { ok: false, exit: EXIT.ok };
  }
  const n = parsed.positionals.length;
  if (positionals.min !== undefined && n < positionals.min) {
    return { ok: false, exit: usageError(cmd, io, lang, { zh: '缺少参数', en: 'missing argument' }) };
  }
  if (positionals.max !== undefined && n > positionals.max) {
    const extra = parsed.positionals[positionals.max];
    return { ok: false, exit: usageError(cmd, io, lang, { zh: `多余的参数 ${extra}`, en: `unexpected argument ${extra}` }) };
  }
  return { ok: true, lang, values: parsed.values, positionals: parsed.positionals };
}
