/**
 * The `jiceng` entry point: picks the command by name and runs it.
 * @module
 */
import { readFileSync } from 'node:fs';
import type { Lang } from '@jiceng/core';
import { EXIT, langOf, type Command } from './command.js';
import { COMMANDS } from './commands/index.js';
import { nodeIo, type CliIo } from './io.js';

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function overview(commands: readonly Command[], lang: Lang): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary[lang]}`);
  return lang === 'en'
    ? `jiceng — grid-based grassroots governance tools\n\nUsage: jiceng <command> [options] [--lang en]\n\nCommands:\n${lines.join('\n')}\n\nRun \`jiceng <command> --help\` for a command's options. Exit codes: 0 ok, 1 problems found, 2 usage error.\n`
    : `jiceng — 网格化基层治理工具\n\n用法：jiceng <命令> [选项] [--lang en]\n\n命令：\n${lines.join('\n')}\n\n运行 \`jiceng <命令> --help\` 查看命令的选项。退出码：0 正常，1 发现问题，2 用法错误。\n`;
}

function unknown(name: string, commands: readonly Command[], lang: Lang, io: CliIo): number {
  io.err(lang === 'en'
    ? `jiceng: unknown command '${name}'. Commands: ${commands.map((c) => c.name).join(', ')}\n`
    : `jiceng：未知命令“${name}”。可用命令：${commands.map((c) => c.name).join('、')}\n`);
  return EXIT.usage;
}

/**
 * Runs `jiceng` with the given arguments (without `node` and the script) and resolves to the
 * exit code: 0 ok, 1 problems found, 2 usage error. `jiceng --help` lists the commands,
 * `jiceng <command> --help` shows one; output is in Chinese unless `--lang en` is given.
 *
 * @example
 * ```ts
 * import { main, memoryIo } from '@jiceng/cli';
 * const io = memoryIo();
 * const code = await main(['putian', '--summary', '--lang', 'en'], io);
 * console.log(code, io.stdout());
 * ```
 */
export async function main(argv: readonly string[], io: CliIo = nodeIo(), commands: readonly Command[] = COMMANDS): Promise<number> {
  const lang = langOf(argv);
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    io.out(`${version()}\n`);
    return EXIT.ok;
  }
  if (first === undefined || first.startsWith('-') || first === 'help') {
    const topic = first === 'help' && rest[0] !== undefined && !rest[0].startsWith('-') ? rest[0] : undefined;
    const named = topic === undefined ? undefined : commands.find((c) => c.name === topic);
    if (named) return named.run(['--help', ...(lang === 'en' ? ['--lang', 'en'] : [])], io);
    if (topic !== undefined) return unknown(topic, commands, lang, io);
    const asked = first === 'help' || first === '--help' || first === '-h' || (first?.startsWith('--lang') ?? false);
    if (asked) io.out(overview(commands, lang));
    else io.err(overview(commands, lang));
    return asked ? EXIT.ok : EXIT.usage;
  }
  const cmd = commands.find((c) => c.name === first);
  if (!cmd) return unknown(first, commands, lang, io);
  try {
    return await cmd.run([...rest], io);
  } catch (e) {
    const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
    io.err(lang === 'en' ? `jiceng ${cmd.name}: internal error: ${text}\n` : `jiceng ${cmd.name}：内部错误：${text}\n`);
    return EXIT.problems;
  }
}
