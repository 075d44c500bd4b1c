import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COMMANDS, EXIT, main, memoryIo, type Command } from '@jiceng/cli';

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('jiceng --help lists every registered command with its summary, in zh and en', async () => {
  const zh = memoryIo();
  assert.equal(await main(['--help'], zh), EXIT.ok);
  for (const c of COMMANDS) assert.match(zh.stdout(), new RegExp(`^  ${esc(c.name)}\\s+${esc(c.summary.zh)}$`, 'm'));
  assert.match(zh.stdout(), /退出码：0 正常，1 发现问题，2 用法错误/);
  const en = memoryIo();
  assert.equal(await main(['--help', '--lang', 'en'], en), EXIT.ok);
  for (const c of COMMANDS) assert.match(en.stdout(), new RegExp(`^  ${esc(c.name)}\\s+${esc(c.summary.en)}$`, 'm'));
  assert.match(en.stdout(), /Exit codes: 0 ok, 1 problems found, 2 usage error/);
});

test('no command, or an unknown one, is a usage error (exit 2) on stderr', async () => {
  const none = memoryIo();
  assert.equal(await main([], none), EXIT.usage);
  assert.equal(none.stdout(), '');
  assert.match(none.stderr(), /用法：jiceng <命令>/);
  const zh = memoryIo();
  assert.equal(await main(['frobnicate'], zh), EXIT.usage);
  assert.match(zh.stderr(), /未知命令“frobnicate”/);
  const en = memoryIo();
  assert.equal(await main(['frobnicate', '--lang=en'], en), EXIT.usage);
  assert.match(en.stderr(), /unknown command 'frobnicate'/);
  const help = memoryIo();
  assert.equal(await main(['help', 'frobnicate'], help), EXIT.usage);
  assert.match(help.stderr(), /未知命令“frobnicate”/);
});

test('every command answers --help with its usage and exit 0, and rejects unknown options with exit 2', async () => {
  for (const c of COMMANDS) {
    const io = memoryIo();
    assert.equal(await main([c.name, '--help'], io), EXIT.ok, c.name);
    assert.ok(io.stdout().includes(c.usage), `${c.name} prints its usage`);
    const help = memoryIo();
    assert.equal(await main(['help', c.name, '--lang', 'en'], help), EXIT.ok);
    assert.ok(help.stdout().startsWith(c.summary.en));
    const bad = memoryIo();
    assert.equal(await main([c.name, '--no-such-option'], bad), EXIT.usage, c.name);
    assert.match(bad.stderr(), /用法错误：未知选项 --no-such-option/);
    const badEn = memoryIo();
    assert.equal(await main([c.name, '--no-such-option', '--lang', 'en'], badEn), EXIT.usage);
    assert.match(badEn.stderr(), /usage error: unknown option --no-such-option/);
    const badLang = memoryIo();
    assert.equal(await main([c.name, '--lang', 'fr'], badLang), EXIT.usage);
    assert.match(badLang.stderr(), /--lang 只能是 zh 或 en/);
  }
});

test('a command that throws is reported as an internal error, not a crash', async () => {
  const boom: Command = { name: 'boom', summary: { zh: '爆', en: 'boom' }, usage: 'jiceng boom', run: () => { throw new Error('kaput'); } };
  const io = memoryIo();
  assert.equal(await main(['boom', '--lang', 'en'], io, [boom]), EXIT.problems);
  assert.match(io.stderr(), /jiceng boom: internal error: Error: kaput/);
});

test('the built bin runs with node and sets the exit code', (t) => {
  const bin = fileURLToPath(new URL('../bin/jiceng.js', import.meta.url));
  if (!existsSync(new URL('../dist/main.js', import.meta.url))) {
    t.skip('packages/cli/dist is not built (run tsc -b)');
    return;
  }
  const ok = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
  assert.equal(ok.status, 0);
  assert.match(ok.stdout, /^\d+\.\d+\.\d+\n$/);
  const bad = spawnSync(process.execPath, [bin, 'frobnicate', '--lang', 'en'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown command/);
});
