import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHierarchy, CASE_STATUSES, CaseStore, exportEventLog, SEVEN_STEPS, type AnyCaseEvent } from '@jiceng/core';
import { generatePutian, PutianScenario } from '@jiceng/putian';
import { EXIT, main, memoryIo, nodeIo } from '@jiceng/cli';

const built = buildHierarchy(generatePutian({ seed: 1 }).config, generatePutian({ seed: 1 }).nodes);
if (!built.ok) throw new Error('Putian does not build');
const h = built.value;
const sim = new PutianScenario(h, { seed: 1, cases: 200 });
const events: AnyCaseEvent[] = [];
const expected = sim.run({ onEvent: (e) => events.push(e) });
const logText = exportEventLog(events);
const lines = logText.trimEnd().split('\n');
/** 1-based line of the last event of case i. */
const lastLineOf = (i: number): number => events.findLastIndex((e) => e.caseId === sim.caseId(i)) + 1;
/** A closed case found on patrol (all seven steps done). */
const patrolCase = sim.caseId(Array.from({ length: 200 }, (_, i) => i).find((i) => {
  const s = expected.get(sim.caseId(i))!;
  return s.status === 'closed' && s.source === 'patrol';
})!);
const withLog = (text: string = logText) => memoryIo({ 'log.jsonl': text });

test('jiceng history writes the scenario as JSON Lines, event for event, and prints the counts', async () => {
  const io = memoryIo();
  assert.equal(await main(['history', '--cases', '200', '--out', 'out/log.jsonl'], io), EXIT.ok, io.stderr());
  assert.equal(io.text('out/log.jsonl'), logText, 'the same events, in the same order, as a whole scenario run');
  const closed = expected.all().filter((s) => s.status === 'closed').length;
  assert.equal(closed, 199);
  assert.match(io.stdout(), /^已写入 out\/log\.jsonl（[\d.]+ MB）$/m);
  assert.match(io.stdout(), /^案件\s+200$/m);
  assert.match(io.stdout(), new RegExp(`^事件\\s+${events.length.toLocaleString('en-US')}$`, 'm'));
  assert.match(io.stdout(), /^已办结\s+199（99\.50%）$/m);
  const en = memoryIo();
  assert.equal(await main(['history', '--cases', '200', '--seed', '2', '--out', 'b.jsonl', '--lang', 'en'], en), EXIT.ok);
  assert.match(en.stdout(), /^cases\s+200$/m);
  assert.notEqual(en.text('b.jsonl'), logText, 'another seed, another history');
});

test('jiceng history: bad --cases, --seed or a missing --out is a usage error', async () => {
  for (const args of [['--cases', '0', '--out', 'a'], ['--cases', '1e3', '--out', 'a'], ['--seed', 'x', '--out', 'a'], ['--cases', '5']]) {
    const io = memoryIo();
    assert.equal(await main(['history', ...args, '--lang', 'en'], io), EXIT.usage, args.join(' '));
    assert.match(io.stderr(), /usage error/);
    assert.equal(io.files.size, 0);
  }
});

test('jiceng replay rebuilds the counts of the history: cases, events, per status (zh and en)', async () => {
  const perStatus = new Map<string, number>();
  for (const s of expected.all()) perStatus.set(s.status, (perStatus.get(s.status) ?? 0) + 1);
  const zh = withLog();
  assert.equal(await main(['replay', 'log.jsonl'], zh), EXIT.ok, zh.stdout());
  assert.match(zh.stdout(), new RegExp(`^log\\.jsonl：${lines.length.toLocaleString('en-US')} 行$`, 'm'));
  assert.match(zh.stdout(), /^案件：200$/m);
  assert.match(zh.stdout(), new RegExp(`^事件：${events.length.toLocaleString('en-US')}$`, 'm'));
  assert.match(zh.stdout(), /^ {2}已办结（closed）：199$/m);
  assert.match(zh.stdout(), /^无效行：0$/m);
  const en = withLog(logText.replace(/\n/g, '\r\n'));
  assert.equal(await main(['replay', 'log.jsonl', '--lang', 'en'], en), EXIT.ok, en.stdout());
  for (const s of CASE_STATUSES) {
    const n = perStatus.get(s);
    if (n) assert.match(en.stdout(), new RegExp(`^ {2}[A-Za-z ]+ \\(${s}\\): ${n}$`, 'm'), s);
    else assert.doesNotMatch(en.stdout(), new RegExp(`\\(${s}\\)`), s);
  }
  assert.match(en.stdout(), /^cases: 200$/m);
  assert.match(en.stdout(), /^invalid lines: 0$/m);
});

test('jiceng replay reports every invalid line with its number and code, in zh and en, and exits 1', async () => {
  const broken = lines.slice();
  const bad = lastLineOf(3); // the last event of a case: nothing after it depends on it
  const late = lastLineOf(7);
  const odd = lastLineOf(11);
  broken[bad - 1] = broken[bad - 1].slice(0, 40);
  const lateEvent = JSON.parse(broken[late - 1]) as AnyCaseEvent;
  broken[late - 1] = JSON.stringify({ ...lateEvent, version: lateEvent.version + 1 });
  broken[odd - 1] = broken[odd - 1].replace(/"type":"[a-zA-Z]+"/, '"type":"teleported"');
  const text = `${broken.join('\n')}\n`;
  const zh = withLog(text);
  assert.equal(await main(['replay', 'log.jsonl'], zh), EXIT.problems);
  const reported = zh.stdout().split('\n').filter((l) => l.startsWith('log.jsonl:') && !l.startsWith('log.jsonl：'));
  assert.deepEqual(reported.map((l) => /^log\.jsonl:(\d+)(?: \[[^\]]+\])? (E_\w+)/.exec(l)?.slice(1, 3)), [
    [String(bad), 'E_BAD_JSON'], [String(late), 'E_EVENT_ORDER'], [String(odd), 'E_BAD_EVENT'],
  ]);
  assert.match(zh.stdout(), new RegExp(`^log\\.jsonl:${bad} E_BAD_JSON: 不是有效的 JSON`, 'm'));
  assert.match(zh.stdout(), new RegExp(`^log\\.jsonl:${late} E_EVENT_ORDER: 事件版本不连续：${sim.caseId(7)} v${lateEvent.version + 1}`, 'm'));
  assert.match(zh.stdout(), /^无效行：3$/m);
  assert.match(zh.stdout(), new RegExp(`^事件：${(events.length - 3).toLocaleString('en-US')}$`, 'm'));
  assert.match(zh.stdout(), /^案件：200$/m);
  const en = withLog(text);
  assert.equal(await main(['replay', 'log.jsonl', '--lang', 'en'], en), EXIT.problems);
  assert.match(en.stdout(), new RegExp(`^log\\.jsonl:${bad} E_BAD_JSON: not valid JSON`, 'm'));
  assert.match(en.stdout(), new RegExp(`^log\\.jsonl:${late} E_EVENT_ORDER: event version out of order`, 'm'));
  assert.match(en.stdout(), new RegExp(`^log\\.jsonl:${odd} \\[type\\] E_BAD_EVENT: `, 'm'));
  assert.match(en.stdout(), /^invalid lines: 3$/m);
});

test('jiceng history and replay stream through real files (nodeIo)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'jiceng-cli-'));
  try {
    const io = nodeIo(dir);
    const out: string[] = [];
    const quiet = { ...io, out: (t: string) => { out.push(t); }, err: (t: string) => { out.push(t); } };
    assert.equal(await main(['history', '--cases', '200', '--out', 'sub/log.jsonl', '--lang', 'en'], quiet), EXIT.ok, out.join(''));
    assert.equal(await readFile(join(dir, 'sub/log.jsonl'), 'utf8'), logText);
    out.length = 0;
    assert.equal(await main(['replay', 'sub/log.jsonl', '--lang', 'en'], quiet), EXIT.ok, out.join(''));
    assert.match(out.join(''), new RegExp(`^events: ${events.length.toLocaleString('en-US')}$`, 'm'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('jiceng dossier prints the seven steps and the timeline of a closed case, as the auditor by default', async () => {
  const zh = withLog();
  assert.equal(await main(['dossier', 'log.jsonl', patrolCase], zh), EXIT.ok, zh.stderr());
  const out = zh.stdout();
  SEVEN_STEPS.forEach((s, i) => assert.match(out, new RegExp(`^ {2}${'①②③④⑤⑥⑦'[i]} ${s.name.zh} {2}已完成`, 'm'), s.id));
  assert.match(out, /^查看身份：审计员 @ 莆田市 \d+（默认：审计员的脱敏视图）$/m);
  assert.match(out, /^状态：已办结 \(closed\)$/m);
  const stream = events.filter((e) => e.caseId === patrolCase);
  for (const e of stream) assert.match(out, new RegExp(`^ +${e.version}\\. \\S+\\+08:00  \\[[^\\]]+\\]  \\S+  ${e.actor} \\(`, 'm'));
  assert.match(out, /\[任务分派\] {2}派遣 .*时限 \S+：(按期|超期)/);
  assert.match(out, /\[跟踪问效\] {2}办结 /);
  const en = withLog();
  assert.equal(await main(['dossier', 'log.jsonl', patrolCase, '--lang', 'en'], en), EXIT.ok);
  SEVEN_STEPS.forEach((s) => assert.match(en.stdout(), new RegExp(`^ {2}. ${s.name.en} {2}done`, 'm')));
  assert.match(en.stdout(), /due \S+: (met|MISSED)/);
  const json = withLog();
  assert.equal(await main(['dossier', 'log.jsonl', patrolCase, '--json'], json), EXIT.ok);
  const d = JSON.parse(json.stdout());
  assert.equal(d.caseId, patrolCase);
  assert.deepEqual(d.steps.map((s: { status: string }) => s.status), Array(7).fill('done'));
  assert.equal(d.entries.length, stream.length);
  assert.deepEqual(d.events, [], 'no raw events leave through the CLI');
});

test('jiceng dossier --as: in scope it is shown; out of scope it is refused with nothing of the case printed', async () => {
  const first = events.find((e) => e.caseId === patrolCase)!;
  const grid = first.roleNode; // the grid worker who found it
  const inScope = withLog();
  assert.equal(await main(['dossier', 'log.jsonl', patrolCase, '--as', `grid-worker@${grid}`, '--lang', 'en'], inScope), EXIT.ok);
  assert.match(inScope.stdout(), /^Viewed as: Grid worker @ .+, masked \(no purpose given\)$/m);
  const other = events.find((e) => e.role === 'grid-worker' && !first.data.node.startsWith(e.roleNode))!.roleNode;
  for (const lang of ['zh', 'en']) {
    const io = withLog();
    assert.equal(await main(['dossier', 'log.jsonl', patrolCase, '--as', `grid-worker@${other}`, '--lang', lang], io), EXIT.problems);
    assert.equal(io.stdout(), '');
    assert.match(io.stderr(), /^E_OUT_OF_SCOPE: /);
    assert.match(io.stderr(), lang === 'en' ? /outside your scope/ : /超出您的管辖范围/);
    for (const leak of [first.data.description, first.data.node, grid, first.actor]) assert.ok(!io.stderr().includes(leak), leak);
  }
  const unknownCase = withLog();
  assert.equal(await main(['dossier', 'log.jsonl', 'PT-9999999', '--lang', 'en'], unknownCase), EXIT.problems);
  assert.match(unknownCase.stderr(), /E_NO_CASE/);
  for (const [as, message] of [['grid-worker', /--as must be ROLE@NODECODE/], ['mayor@3503', /unknown role mayor/], [`grid-worker@9${grid}`, /no such node code/]] as const) {
    const io = withLog();
    assert.equal(await main(['dossier', 'log.jsonl', patrolCase, '--as', as, '--lang', 'en'], io), EXIT.usage, as);
    assert.match(io.stderr(), message);
    assert.equal(io.stdout(), '');
  }
});

test('a reporter phone number is never printed unmasked: not in the dossier (any reader, text or JSON), not in replay errors', async () => {
  const phone = '13812345678';
  const account = '13912345678';
  const i = events.findIndex((e) => e.caseId === patrolCase);
  const stream = events.filter((e) => e.caseId === patrolCase).map((e) => structuredClone(e));
  stream[0] = {
    ...stream[0], actor: account, role: 'citizen', roleNode: stream[0].data.node,
    data: { ...stream[0].data, source: 'citizen', reporter: `王小明 ${phone}`, description: `住户来电${phone}反映楼道堆物` },
  } as AnyCaseEvent;
  const rest = events.filter((e) => e.caseId !== patrolCase);
  const text = exportEventLog([...rest.slice(0, i), ...stream, ...rest.slice(i)]) + `{"caseId":"${patrolCase}","reporter":"${phone}"\n`;
  const grid = events[i].roleNode;
  const runs: string[][] = [
    [], ['--json'], ['--lang', 'en'], ['--as', `grid-worker@${grid}`], ['--as', `grid-head@${grid}`, '--json'],
    ['--as', `town-officer@${h.code(h.parents[h.parents[h.indexOf(grid)]])}`], ['--as', `unit-head@${stream[0].data.node}`], ['--as', `hotline-operator@${h.code(0)}`, '--json'],
  ];
  for (const extra of runs) {
    const io = withLog(text);
    const code = await main(["dossier", "log.jsonl", patrolCase, ...extra], io);
    assert.equal(code, EXIT.problems, 'the broken line of the case is reported');
    const all = io.stdout() + io.stderr();
    assert.ok(io.stdout().includes(patrolCase), extra.join(' '));
    assert.ok(!all.includes(phone), `phone shown with ${extra.join(' ')}`);
    assert.ok(!all.includes(account), `reporter account shown with ${extra.join(' ')}`);
    assert.ok(!all.includes('王小明'), `reporter name shown with ${extra.join(' ')}`);
    assert.ok(all.includes('138****5678'), 'the masked number shows where the text quoted it');
  }
  const replay = withLog(text);
  assert.equal(await main(['replay', 'log.jsonl', '--lang', 'en'], replay), EXIT.problems);
  assert.match(replay.stdout(), /E_BAD_JSON/);
  assert.ok(!replay.stdout().includes(phone), 'the parser message quoting the line is masked');
  // Sanity: the store itself keeps the raw value (only output is masked).
  const store = new CaseStore({ hierarchy: h, categories: sim.ctx.categories });
  store.replay(stream);
  assert.ok(JSON.stringify(store.events(patrolCase)).includes(phone));
});
