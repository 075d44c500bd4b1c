import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXIT, main, memoryIo } from '@jiceng/cli';

test('jiceng engagement --node <county> ranks its towns by hours and active rate, with balanced ledgers', async () => {
  const io = memoryIo();
  assert.equal(await main(['engagement', '--node', '350302000000', '--orders', '500', '--lang', 'en'], io), EXIT.ok);
  const out = io.stdout();
  assert.match(out, /^Party members serving communities: hours and points — Chengxiang District \(350302000000\), 2025$/m);
  const ranked = out.split('Children ranked by hours\n')[1].split('\n\n')[0].split('\n').slice(1);
  assert.equal(ranked.length, 7, 'the seven towns and streets of 城厢区');
  const hours = ranked.map((l) => Number(l.trim().split(/\s{2,}/)[4].replace(/,/g, '')));
  assert.deepEqual(hours, [...hours].sort((a, b) => b - a), 'sorted by hours');
  assert.match(out, /^Ledgers balance \(time \/ points\): 0 \/ 0$/m);
  const top = out.split('Top ten by points (names masked)\n')[1].split('\n\n')[0].split('\n').slice(1);
  assert.equal(top.length, 10);
  for (const l of top) assert.match(l, /^\p{Script=Han}\*/u, 'names are masked');
});

test('jiceng engagement: an unknown node or a bad number is a usage error, in zh and en', async () => {
  const en = memoryIo();
  assert.equal(await main(['engagement', '--orders=1.5', '--lang', 'en'], en), EXIT.usage);
  assert.match(en.stderr(), /--orders must be a non-negative integer/);
  const zh = memoryIo();
  assert.equal(await main(['engagement', '--seed', 'x'], zh), EXIT.usage);
  assert.match(zh.stderr(), /--seed 应为非负整数/);
  const node = memoryIo();
  assert.equal(await main(['engagement', '--node', '999', '--lang', 'en'], node), EXIT.usage);
  assert.match(node.stderr(), /no such node: 999/);
  assert.equal(node.stdout(), '');
});
