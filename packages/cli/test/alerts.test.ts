import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHierarchy } from '@jiceng/core';
import { exportEventLog, type AnyCaseEvent } from '@jiceng/core/cases';
import { AlertEngine, DEFAULT_ALERT_RULES, inTimeOrder } from '@jiceng/core/alerts';
import { generatePutian, PutianScenario } from '@jiceng/putian';
import { EXIT, main, memoryIo } from '@jiceng/cli';

const data = generatePutian({ seed: 1 });
const built = buildHierarchy(data.config, data.nodes);
if (!built.ok) throw new Error('Putian does not build');
const h = built.value;
const sim = new PutianScenario(h, { seed: 1, cases: 300 });
const events: AnyCaseEvent[] = [];
sim.run({ onEvent: (e) => events.push(e) });
// Written case by case, as `jiceng history` does: not in time order.
const logText = exportEventLog(events);
const RULES = {
  city: '350300000000',
  rules: [
    { id: 'wide-cluster', kind: 'cluster', name: { zh: '全镇聚集', en: 'Town cluster' }, severity: 'warning', level: 'town', minCases: 2, windowHours: 24 * 60 },
    { id: 'deadline', kind: 'deadline', name: { zh: '临近时限', en: 'Deadline near' }, severity: 'warning', withinWorkHours: 4 },
  ],
};

test('jiceng alerts replays a log written case by case in time order and counts the alerts per rule', async () => {
  const io = memoryIo({ 'log.jsonl': logText, 'rules.json': JSON.stringify(RULES) });
  assert.equal(await main(['alerts', 'log.jsonl', '--rules', 'rules.json', '--lang', 'en'], io), EXIT.ok, io.stderr());
  // The same feed through the engine directly.
  const engine = new AlertEngine({ hierarchy: h, categories: sim.ctx.categories, calendar: sim.ctx.calendar }, RULES as never);
  const per = new Map<string, number>([['wide-cluster', 0], ['deadline', 0]]);
  for (const e of inTimeOrder(events)) for (const f of engine.apply(e)) per.set(f.rule, per.get(f.rule)! + 1);
  assert.ok(per.get('wide-cluster')! > 0 && per.get('deadline')! > 0, 'the sample raises both kinds');
  const out = io.stdout();
  assert.match(out, new RegExp(`^log\\.jsonl: ${events.length.toLocaleString('en-US')} lines, ${events.length.toLocaleString('en-US')} events, 300 cases$`, 'm'));
  assert.match(out, new RegExp(`^  wide-cluster +${per.get('wide-cluster')}  Town cluster$`, 'm'));
  assert.match(out, new RegExp(`^  deadline +${per.get('deadline')}  Deadline near$`, 'm'));
  assert.match(out, /^invalid lines: 0$/m);
});

test('jiceng alerts uses the default rules, reports invalid lines, refuses bad rules and bad options', async () => {
  const broken = `${logText}{"caseId":\n`;
  const io = memoryIo({ 'log.jsonl': broken });
  assert.equal(await main(['alerts', 'log.jsonl'], io), EXIT.problems);
  for (const r of DEFAULT_ALERT_RULES.rules.filter((x) => x.kind !== 'followUp')) assert.match(io.stdout(), new RegExp(`^  ${r.id} .*${r.name.zh}$`, 'm'));
  assert.match(io.stdout(), /无效行：1/);
  assert.match(io.stdout(), new RegExp(`log\\.jsonl:${events.length + 1} E_BAD_JSON`));

  const bad = memoryIo({ 'log.jsonl': logText, 'rules.json': JSON.stringify({ city: '350300000000', rules: [{ ...RULES.rules[0], minCases: 1 }] }) });
  assert.equal(await main(['alerts', 'log.jsonl', '--rules', 'rules.json', '--lang', 'en'], bad), EXIT.problems);
  assert.match(bad.stderr(), /rules\.json \[rules\.0\.minCases\] E_INVALID_INPUT/);
  const until = memoryIo({ 'log.jsonl': logText });
  assert.equal(await main(['alerts', 'log.jsonl', '--until', '2025-13-01'], until), EXIT.usage);
  assert.match(until.stderr(), /--until 应为 YYYY-MM-DD/);
  assert.equal(await main(['alerts', 'missing.jsonl'], memoryIo()), EXIT.usage);
});
