import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importJson } from '@jiceng/core/io';
import { generatePutian, putianSummary } from '@jiceng/putian';
import { EXIT, main, memoryIo } from '@jiceng/cli';

test('jiceng putian --seed 7 --summary --lang en prints the same counts in English', async () => {
  const io = memoryIo();
  assert.equal(await main(['putian', '--seed', '7', '--summary', '--lang', 'en'], io), EXIT.ok);
  const out = io.stdout();
  assert.match(out, /^Grid\s+10,439$/m);
  assert.match(out, /^Unit heads\s+119,507\s+24,047$/m);
  assert.match(out, /^Member ↔ compound branch links\s+563\s+453\s+563$/m);
  assert.doesNotMatch(out, /\p{Script=Han}/u);
});

test('jiceng putian: a bad seed or a stray argument is a usage error (exit 2), in zh and en', async () => {
  const zh = memoryIo();
  assert.equal(await main(['putian', '--seed', '1.5'], zh), EXIT.usage);
  assert.match(zh.stderr(), /--seed 应为整数，而不是 1\.5/);
  assert.match(zh.stderr(), /用法：jiceng putian/);
  assert.equal(zh.stdout(), '');
  const en = memoryIo();
  assert.equal(await main(['putian', '--seed=abc', '--lang', 'en'], en), EXIT.usage);
  assert.match(en.stderr(), /--seed must be an integer, not abc/);
  const stray = memoryIo();
  assert.equal(await main(['putian', 'extra', '--lang', 'en'], stray), EXIT.usage);
  assert.match(stray.stderr(), /unexpected argument extra/);
});

test('jiceng putian --out writes JSON and CSV that validate and import back to the same data', async () => {
  const io = memoryIo();
  assert.equal(await main(['putian', '--seed', '3', '--out', 'city'], io), EXIT.ok);
  const names = ['putian.json', 'config.json', 'nodes.csv', 'organisations.csv', 'people.csv', 'facilities.csv', 'compounds.csv', 'pairings.csv'];
  for (const n of names) assert.match(io.stdout(), new RegExp(`^已写入 city/${n.replace('.', '\\.')}（[\\d.]+ MB）$`, 'm'));
  assert.match(io.stdout(), /^网格\s+10,439$/m);
  assert.ok(io.text('city/nodes.csv')!.startsWith('\ufeffcode,parent,level,name'), 'CSV has a BOM for Excel');

  // The written files are valid: jiceng validate passes on the directory (CSV set and JSON).
  const check = memoryIo();
  for (const [path, bytes] of io.files) check.files.set(path, bytes);
  assert.equal(await main(['validate', 'city'], check), EXIT.ok, check.stdout().slice(0, 2000));
  assert.match(check.stdout(), /^通过 city \(.*nodes\.csv.*\)：146,227 个节点，172,958 条人员记录$/m);
  assert.match(check.stdout(), /^通过 city\/putian\.json：146,227 个节点，172,958 条人员记录$/m);

  // And they hold exactly the generated data.
  const back = importJson(io.text('city/putian.json')!);
  assert.ok(back.ok);
  const data = generatePutian({ seed: 3 });
  assert.deepEqual(back.value.hierarchy.nodes(), data.nodes);
  assert.deepEqual(back.value.overlay.data.pairings, data.overlay.pairings);
  assert.deepEqual(back.value.overlay.data.people, data.overlay.people);
  const loaded = putianSummary({ config: back.value.config, nodes: back.value.hierarchy.nodes(), overlay: back.value.overlay.data });
  assert.deepEqual(loaded, putianSummary(data));
});

test('jiceng putian --out DIR --summary writes the files and prints only the counts, in zh by default', async () => {
  const io = memoryIo();
  assert.equal(await main(['putian', '--out', 'o', '--summary'], io), EXIT.ok);
  assert.ok(io.text('o/putian.json'));
  const out = io.stdout();
  assert.doesNotMatch(out, /已写入/);
  for (const [label, n] of [['市', '1'], ['县区', '7'], ['镇街', '54'], ['村居', '973'], ['网格', '10,439'], ['单元', '134,753']]) {
    assert.match(out, new RegExp(`^${label}\\s+${n}$`, 'm'));
  }
  assert.match(out, /^网格党支部\s+7,025$/m);
  assert.match(out, /^单元党小组\s+5,904$/m);
  assert.match(out, /^党员先锋岗\s+1,710$/m);
  assert.match(out, /^网格长\s+9,796\s+6,807$/m);
  assert.match(out, /^单元长\s+119,507\s+24,047$/m);
  assert.match(out, /^“党建\+”邻里中心\s+103$/m);
  assert.match(out, /市 1 \/ 县区 7 \/ 镇街 54 \/ 村居 973/);
  assert.match(out, /城市居民小区：563，已挂钩 563 \(100\.0%\)/);
  assert.equal(io.stderr(), '');
});

test('jiceng putian --out onto a file is a usage error', async () => {
  const clash = memoryIo({ 'taken.txt': 'x' });
  assert.equal(await main(['putian', '--out', 'taken.txt', '--lang', 'en'], clash), EXIT.usage);
  assert.match(clash.stderr(), /--out must be a directory, but taken\.txt is a file/);
  assert.equal(clash.stdout(), '');
});
