import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXIT, main, memoryIo } from '@jiceng/cli';

// One generated city for the whole file: --out writes it, the other tests read the files.
const city = memoryIo();
const written = main(['putian', '--seed', '2', '--out', 'city', '--summary', '--lang', 'en'], city);

test('jiceng putian --summary prints the policy counts 1/4/21/N, the lists and the registry totals', async () => {
  assert.equal(await written, EXIT.ok);
  const out = city.stdout();
  assert.match(out, /“1\+4\+21\+N” policy set: 1\/4\/21\/9 \(complete\)/);
  assert.match(out, /^Project list\s+108$/m);
  assert.match(out, /^Sector list\s+216$/m);
  assert.match(out, /^Special-population records\s+69,000$/m);
  assert.match(out, /^Mental-health hand-overs \(one record, five forms\)\s+20,200$/m);
  assert.doesNotMatch(out, /\p{Script=Han}/u);
  for (const f of ['policies.csv', 'projects.csv', 'funding-sources.csv', 'allocations.csv', 'spendings.csv', 'empowered.csv', 'registry.csv', 'handovers.csv']) {
    assert.ok(city.text(`city/${f}`)?.startsWith('\ufeff'), f);
  }
  assert.doesNotMatch(city.text('city/registry.csv')!.slice(0, 5000), /[\u4e00-\u9fa5]{2,3},/, 'no names in the registry file');
});

test('jiceng validate checks the list, funding and registry CSVs row by row', async () => {
  await written;
  const good = memoryIo();
  for (const [p, b] of city.files) good.files.set(p, b);
  assert.equal(await main(['validate', 'city', '--lang', 'en'], good), EXIT.ok, good.stdout().slice(0, 1500));
  assert.match(good.stdout(), /^ok city \(.*projects\.csv.*\): \d+ list records, 69000 registry records, 20200 hand-overs$/m);
  const bad = memoryIo();
  for (const [p, b] of city.files) bad.files.set(p, b);
  const alloc = city.text('city/allocations.csv')!.split('\r\n');
  const cols = alloc[1].split(',');
  cols[5] = '999999999'; // the amount: more than the source holds
  alloc[1] = cols.join(',');
  bad.files.set('/mem/city/allocations.csv', new TextEncoder().encode(alloc.join('\r\n')));
  bad.files.set('/mem/city/handovers.csv', new TextEncoder().encode('person,date,from,to,form\nRP999999,2020-01-01,hospital,governance,treatment\n'));
  assert.equal(await main(['validate', 'city', '--lang', 'en'], bad), EXIT.problems);
  assert.match(bad.stdout(), /^city\/allocations\.csv:2 \[amount\] E_FUND_OVER_BUDGET: /m);
  assert.match(bad.stdout(), /^city\/handovers\.csv:2 \[person\] E_UNKNOWN_PERSON: /m);
});

test("jiceng lists <node> prints a node's lists, funding and progress, from files or generated", async () => {
  await written;
  const town = '350302001000';
  const io = memoryIo();
  for (const [p, b] of city.files) io.files.set(p, b);
  assert.equal(await main(['lists', town, '--dir', 'city', '--lang', 'en'], io), EXIT.ok, io.stderr());
  const out = io.stdout();
  assert.match(out, new RegExp(`^\\S+ ${town} \\(town\\)$`, 'm'));
  assert.match(out, /^ {2}W-town-3 {2}Comprehensive law enforcement$/m);
  assert.match(out, new RegExp(`^  W-${town}-post  .*\\[own\\]$`, 'm'));
  assert.match(out, /^Totals: ¥[\d,]+ funded/m);
  assert.match(out, new RegExp(`^  F-${town}  ¥`, 'm'));
  const gen = memoryIo();
  assert.equal(await main(['lists', town, '--seed', '2', '--lang', 'en'], gen), EXIT.ok);
  assert.equal(gen.stdout(), out, 'the files hold what was generated');
  const none = memoryIo();
  for (const [p, b] of city.files) none.files.set(p, b);
  assert.equal(await main(['lists', '123', '--dir', 'city'], none), EXIT.usage);
  assert.match(none.stderr(), /节点编码不存在：123/);
});
