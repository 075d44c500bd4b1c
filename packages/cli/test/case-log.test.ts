import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHierarchy, CASE_STATUSES, CaseStore } from '@jiceng/core';
import { exportChainedLog, exportEventLog, SEVEN_STEPS, type AnyCaseEvent } from '@jiceng/core/cases';
import { generatePutian, PutianScenario } from '@jiceng/putian';
import { EXIT, main, memoryIo, nodeIo } from '@jiceng/cli';

/** A case's first event. */
type Discovered = Extract<AnyCaseEvent, { type: 'discovered' }>;

const built = buildHierarchy(generatePutian({ seed: 1 }).config, generatePutian({ seed: 1 }).nodes);
if (!built.ok) throw new Error('Putian does not build');
const h = built.value;
const sim = new PutianScenario(h, { seed: 1, cases: 200 });
const events: AnyCaseEvent[] = [];
const expected = sim.run({ onEvent: (e) => events.push(e) });
/** The log as `jiceng history` writes it: chained, with a trailer line. */
const logText = exportChainedLog(events);
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
  // The three cases with a refused line are not counted.
  assert.match(zh.stdout(), /^案件：197$/m);
  assert.match(zh.stdout(), /^未计入的案件（有无效行）：3$/m);
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

test('jiceng dossier --as: in scope it is shown; out of scope it is refused exactly as a made-up id, with nothing of the case printed', async () => {
  const first = events.find((e) => e.caseId === patrolCase) as Discovered;
  assert.equal(first.type, 'discovered');
  const grid = first.roleNode; // the grid worker who found it
  const inScope = withLog();
  assert.equal(await main(['dossier', 'log.jsonl', patrolCase, '--as', `grid-worker@${grid}`, '--lang', 'en'], inScope), EXIT.ok);
  assert.match(inScope.stdout(), /^Viewed as: Grid worker @ .+, masked \(no purpose given\)$/m);
  const other = events.find((e) => e.role === 'grid-worker' && !first.data.node.startsWith(e.roleNode))!.roleNode;
  for (const lang of ['zh', 'en']) {
    const io = withLog();
    assert.equal(await main(['dossier', 'log.jsonl', patrolCase, '--as', `grid-worker@${other}`, '--lang', lang], io), EXIT.problems);
    assert.equal(io.stdout(), '');
    assert.equal(io.stderr(), lang === 'en' ? `E_NO_CASE: no such case within your scope: ${patrolCase}\n` : `E_NO_CASE: 您的查阅范围内没有此案件：${patrolCase}\n`);
    for (const leak of [first.data.description, first.data.node, grid, first.actor]) assert.ok(!io.stderr().includes(leak), leak);
    // A made-up id, read by the same actor: the very same answer (existence does not leak).
    const madeUp = withLog();
    assert.equal(await main(['dossier', 'log.jsonl', 'PT-9999999', '--as', `grid-worker@${other}`, '--lang', lang], madeUp), EXIT.problems);
    assert.equal(madeUp.stderr(), io.stderr().replace(patrolCase, 'PT-9999999'));
    assert.equal(madeUp.stdout(), '');
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
  const opened = stream[0] as Discovered;
  assert.equal(opened.type, 'discovered');
  stream[0] = {
    ...opened, actor: account, role: 'citizen', roleNode: opened.data.node,
    data: { ...opened.data, source: 'citizen', reporter: `王小明 ${phone}`, description: `住户来电${phone}反映楼道堆物` },
  };
  const rest = events.filter((e) => e.caseId !== patrolCase);
  const text = exportEventLog([...rest.slice(0, i), ...stream, ...rest.slice(i)]) + `{"caseId":"${patrolCase}","reporter":"${phone}"\n`;
  const grid = events[i].roleNode;
  const runs: string[][] = [
    [], ['--json'], ['--lang', 'en'], ['--as', `grid-worker@${grid}`], ['--as', `grid-head@${grid}`, '--json'],
    ['--as', `town-officer@${h.code(h.parents[h.parents[h.indexOf(grid)]])}`], ['--as', `unit-head@${opened.data.node}`], ['--as', `hotline-operator@${h.code(0)}`, '--json'],
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

/** The lines of case i (0-based indices into `lines`). */
const linesOf = (i: number): number[] => events.flatMap((e, k) => (e.caseId === sim.caseId(i) ? [k] : []));
const closedCase = (from: number): number => {
  for (let i = from; ; i++) if (expected.get(sim.caseId(i))!.status === 'closed') return i;
};

test('jiceng replay refuses impossible case files: each line with its number and code, the case not counted, exit 1', async () => {
  const plain = exportEventLog(events).trimEnd().split('\n');
  const edit = (k: number, f: (e: Record<string, unknown>) => void) => { const e = JSON.parse(plain[k]); f(e); plain[k] = JSON.stringify(e); };
  const a = closedCase(0);
  const b = closedCase(a + 1);
  const c = closedCase(b + 1);
  const d = closedCase(c + 1);
  const la = linesOf(a);
  const lb = linesOf(b);
  const lc = linesOf(c);
  const ld = linesOf(d);
  const typeAt = (ls: number[], t: string) => ls.find((k) => JSON.parse(plain[k]).type === t)!;
  // a: the verifier is the handler; b: closed before it was reported; c: on a node the city lacks.
  const handled = JSON.parse(plain[typeAt(la, 'handled')]);
  edit(typeAt(la, 'verified'), (e) => { e.actor = handled.actor; e.role = handled.role; e.roleNode = handled.roleNode; });
  edit(typeAt(lb, 'closed'), (e) => { e.at = (e.at as number) - 400 * 86_400_000; });
  edit(lc[0], (e) => { (e.data as Record<string, string>).node = '350302999999999999'; });
  const text = `${plain.join('\n')}\n`;
  // d: one line of invalid UTF-8 (a lone continuation byte in its note).
  const bytes = new TextEncoder().encode(text);
  const dLine = typeAt(ld, 'verified');
  let offset = 0;
  for (let k = 0; k < dLine; k++) offset = bytes.indexOf(10, offset) + 1;
  const at = bytes.indexOf(0x22, bytes.indexOf(0x6e, offset + 60)); // a quote well inside the line
  const evil = new Uint8Array(bytes.length + 1);
  evil.set(bytes.subarray(0, at));
  evil[at] = 0x80;
  evil.set(bytes.subarray(at), at + 1);
  for (const lang of ['zh', 'en'] as const) {
    const io = memoryIo({ 'log.jsonl': evil });
    assert.equal(await main(['replay', 'log.jsonl', '--lang', lang], io), EXIT.problems);
    const out = io.stdout();
    const first = (code: string) => new RegExp(`^log\\.jsonl:(\\d+)(?: \\[[^\\]]+\\])? ${code}:`, 'm').exec(out)?.[1];
    assert.equal(first('E_SELF_VERIFY'), String(typeAt(la, 'verified') + 1));
    assert.equal(first('E_TIME_BACKWARDS'), String(typeAt(lb, 'closed') + 1));
    assert.equal(first('E_UNKNOWN_NODE'), String(lc[0] + 1));
    assert.equal(first('E_BAD_UTF8'), String(dLine + 1));
    assert.match(out, lang === 'en' ? /E_SELF_VERIFY: whoever reported the case handled may not verify it/ : /E_SELF_VERIFY: 处置人不得核查自己的处置结果/);
    const closedNow = expected.all().filter((s) => s.status === 'closed').length - 4;
    assert.match(out, lang === 'en' ? new RegExp(`^  Closed \\(closed\\): ${closedNow}$`, 'm') : new RegExp(`^  已办结（closed）：${closedNow}$`, 'm'));
    assert.match(out, lang === 'en' ? /^cases: 196$/m : /^案件：196$/m);
  }
});

test('jiceng replay --verify proves the history\'s hash chain; an edited, removed or reordered line is found, exit 1', async () => {
  const ok = withLog();
  assert.equal(await main(['replay', 'log.jsonl', '--verify', '--lang', 'en'], ok), EXIT.ok, ok.stdout());
  assert.match(ok.stdout(), /^hash chain: verified \(fast path: no per-line schema check\)$/m);
  assert.match(ok.stdout(), /^invalid lines: 0$/m);
  const ls = linesOf(closedCase(0));
  const cases: [string, (x: string[]) => void, number, string][] = [
    ['edited', (x) => { x[ls[2]] = x[ls[2]].replace('"dueAt":', '"dueAt":1'); }, ls[3] + 1, 'E_CHAIN_BROKEN'],
    ['removed', (x) => { x.splice(ls[3], 1); }, ls[3] + 1, 'E_CHAIN_BROKEN'],
    ['reordered', (x) => { [x[ls[3]], x[ls[4]]] = [x[ls[4]], x[ls[3]]]; }, ls[3] + 1, 'E_CHAIN_BROKEN'],
    ['edited last line', (x) => { const k = ls.at(-1)!; x[k] = x[k].replace('"closed"', '"closed" '); }, lines.length, 'E_CHAIN_TAIL'],
  ];
  for (const [name, f, line, code] of cases) {
    const x = lines.slice();
    f(x);
    const io = withLog(`${x.join('\n')}\n`);
    assert.equal(await main(['replay', 'log.jsonl', '--verify', '--lang', 'en'], io), EXIT.problems, name);
    assert.match(io.stdout(), /^hash chain: BROKEN/m, name);
    assert.match(io.stdout(), new RegExp(`^log\\.jsonl:${line}(?: \\[prev\\])? ${code}:`, 'm'), `${name}: ${io.stdout().split('\n').filter((l) => l.includes('E_')).join(' | ')}`);
  }
});

test('jiceng replay: one broken case file per invariant, each refused with its line and code', async () => {
  type Ev = Record<string, unknown> & { type: string; actor: string; role: string; roleNode: string; data: Record<string, unknown> };
  const byCase = new Map<string, Ev[]>();
  for (const e of events) (byCase.get(e.caseId) ?? byCase.set(e.caseId, []).get(e.caseId)!).push(JSON.parse(JSON.stringify(e)) as Ev);
  const find = (c: Ev[], t: string) => c.find((e) => e.type === t)!;
  const asHandler = (c: Ev[], e: Ev) => { const h = find(c, 'handled'); Object.assign(e, { actor: h.actor, role: h.role, roleNode: h.roleNode }); };
  const edits: [string, string, (c: Ev[]) => Ev[]][] = [
    ['E_NOT_VERIFIED', 'closed', (c) => c.filter((e) => !['verified', 'followedUp', 'feedbackGiven'].includes(e.type))],
    ['E_NO_FOLLOWUP', 'closed', (c) => c.filter((e) => !['followedUp', 'feedbackGiven'].includes(e.type))],
    ['E_HANDLING_BODY_VERIFY', 'verified', (c) => { const v = c.filter((e) => e.type === 'verified').at(-1)!; const h = find(c, 'handled'); Object.assign(v, { actor: `${h.actor}-colleague`, role: h.role, roleNode: h.roleNode }); return c; }],
    ['E_HANDLER_FOLLOWUP', 'followedUp', (c) => { asHandler(c, find(c, 'followedUp')); return c; }],
    ['E_HANDLER_CLOSE', 'closed', (c) => { asHandler(c, find(c, 'closed')); return c; }],
    ['E_UNKNOWN_CATEGORY', 'registered', (c) => { find(c, 'registered').data.category = 'nope.nope'; return c; }],
    ['E_BAD_EVENT', 'registered', (c) => { find(c, 'registered').data.description = '长'.repeat(2001); return c; }],
    ['E_BAD_EVENT', 'closed', (c) => { find(c, 'closed').data.note = '办\u0000结'; return c; }],
  ];
  const picked: number[] = [];
  for (let i = 0; picked.length < edits.length; i++) {
    const c = byCase.get(sim.caseId(i))!;
    if (c.at(-1)!.type === 'closed' && c.filter((e) => e.type === 'verified').length === 1) picked.push(i);
  }
  const want = new Map<number, string>();
  const out: string[] = [];
  for (let i = 0; i < sim.cases; i++) {
    let c = byCase.get(sim.caseId(i))!;
    const k = picked.indexOf(i);
    if (k >= 0) {
      c = edits[k][2](c);
      c.forEach((e, j) => { e.version = j + 1; });
      want.set(out.length + c.findIndex((e) => e.type === edits[k][1] && (edits[k][1] !== 'verified' || e === c.filter((x) => x.type === 'verified').at(-1))) + 1, edits[k][0]);
    }
    for (const e of c) out.push(JSON.stringify(e));
  }
  const io = memoryIo({ 'log.jsonl': `${out.join('\n')}\n` });
  assert.equal(await main(['replay', 'log.jsonl', '--lang', 'en'], io), EXIT.problems);
  const got = new Map<number, string>();
  for (const m of io.stdout().matchAll(/^log\.jsonl:(\d+)(?: \[[^\]]+\])? (E_\w+):/gm)) if (!got.has(Number(m[1]))) got.set(Number(m[1]), m[2]);
  const firstPerCase = [...got].filter(([, code]) => code !== 'E_CASE_BROKEN');
  assert.deepEqual(firstPerCase.sort((a, b) => a[0] - b[0]), [...want].sort((a, b) => a[0] - b[0]));
  assert.match(io.stdout(), /at most 2000 characters/);
  assert.match(io.stdout(), /must not contain control characters/);
  assert.match(io.stdout(), new RegExp(`^cases not counted \\(a line refused\\): ${edits.length}$`, 'm'));
  assert.match(io.stdout(), new RegExp(`^cases: ${200 - edits.length}$`, 'm'));
});
