import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportEventLog, type AnyCaseEvent } from '@jiceng/core/cases';
import { EXIT, main, memoryIo } from '@jiceng/cli';

import { cityJson } from './small-city.js';

const H = 3_600_000;
const t = (s: string) => Date.parse(`${s}+08:00`);
let version = new Map<string, number>();
const GRID_WORKER = { actor: 'gw1', role: 'grid-worker', roleNode: '350304001001001' };
// Verification, follow-up and close by the town, outside the handling body (separation of duties).
const TOWN_OFFICER = { actor: 'to1', role: 'town-officer', roleNode: '350304001000' };
const ev = (caseId: string, type: string, at: number, data: Record<string, unknown>, by = GRID_WORKER): AnyCaseEvent => {
  const v = (version.get(caseId) ?? 0) + 1;
  version.set(caseId, v);
  return { caseId, version: v, type, at, ...by, data } as unknown as AnyCaseEvent;
};
function life(id: string, unit: string, category: string, start: number, closeAfterH: number | null, dueH: number): AnyCaseEvent[] {
  const out = [
    ev(id, 'discovered', start, { node: unit, source: 'patrol', description: '楼道堆物' }),
    ev(id, 'registered', start + 0.5 * H, { category, urgency: 'normal', description: '楼道堆物', dispatchDueAt: start + H }),
    ev(id, 'dispatched', start + 0.75 * H, { node: '350304001001', dueAt: start + dueH * H }),
  ];
  if (closeAfterH !== null) {
    out.push(ev(id, 'accepted', start + H, {}));
    out.push(ev(id, 'handled', start + (closeAfterH - 2) * H, { result: '已清理' }));
    out.push(ev(id, 'verified', start + (closeAfterH - 1) * H, { passed: true, note: '核查通过' }, TOWN_OFFICER));
    out.push(ev(id, 'followedUp', start + (closeAfterH - 0.5) * H, { satisfaction: 5, recurred: false }, TOWN_OFFICER));
    out.push(ev(id, 'closed', start + closeAfterH * H, {}, TOWN_OFFICER));
  }
  return out;
}
function log(): string {
  version = new Map();
  return exportEventLog([
    ...life('C1', '350304001001001001', 'dispute', t('2024-02-05T09:00'), 10, 48), // February, on time
    ...life('C2', '350304001001001002', 'dispute', t('2024-03-04T09:00'), 72, 48), // March, late
    ...life('C3', '350304001001002001', 'safety', t('2024-03-11T09:00'), 20, 48), // March, on time
    ...life('C4', '350304001001002001', 'safety', t('2024-03-20T09:00'), null, 24), // March, open and overdue
  ]);
}
const files = () => ({ 'log.jsonl': log(), 'city.json': cityJson });
const NOW = ['--now', '2024-04-01T00:00:00+08:00'];

test('jiceng stats prints every indicator of the root with its parts and definition', async () => {
  const io = memoryIo(files());
  assert.equal(await main(['stats', 'log.jsonl', '--hierarchy', 'city.json', ...NOW, '--lang', 'en'], io), EXIT.ok, io.stderr());
  const out = io.stdout();
  assert.match(out, /^Grassroots governance statistics — Putian \(350300000000\)$/m);
  assert.match(out, /cases 4, events 27/);
  assert.match(out, /^collected\s+4$/m);
  assert.match(out, /^close rate\s+75\.00%\s+3 \/ 4\s+closed \/ due to close$/m); // C4 is due, not closed
  assert.match(out, /^on-time close rate\s+50\.00%\s+2 \/ 4/m); // C1 and C3
  assert.match(out, /^completion rate\s+75\.00%\s+3 \/ 4\s+closed \/ registered$/m);
  assert.match(out, /^overdue\s+1$/m);
  assert.match(out, /^median time to close\s+20\.0 h\s+n = 3$/m); // 10, 20, 72 hours
  assert.equal(io.stderr(), '');
});

test('jiceng stats --by month / category / level / child, in Chinese by default', async () => {
  const month = memoryIo(files());
  assert.equal(await main(['stats', 'log.jsonl', '--hierarchy', 'city.json', ...NOW, '--by', 'month'], month), EXIT.ok, month.stderr());
  assert.match(month.stdout(), /^月份\s+采集数\s+办结数\s+结案率\s+按期结案率\s+超期在办数$/m);
  assert.match(month.stdout(), /^2024-02\s+1\s+1\s+100\.00%\s+100\.00%\s+0$/m);
  assert.match(month.stdout(), /^2024-03\s+3\s+2\s+66\.67%\s+33\.33%\s+1$/m);
  assert.match(month.stdout(), /^2024-04\s+0\s+0\s+—\s+—\s+0$/m);
  const cat = memoryIo(files());
  assert.equal(await main(['stats', 'log.jsonl', '--hierarchy', 'city.json', ...NOW, '--by', 'category', '--base', 'collected'], cat), EXIT.ok);
  assert.match(cat.stdout(), /^矛盾纠纷\s+2\s+2\s+100\.00%\s+50\.00%\s+0$/m);
  assert.match(cat.stdout(), /^安全隐患\s+2\s+1\s+50\.00%\s+50\.00%\s+1$/m);
  const child = memoryIo(files());
  assert.equal(await main(['stats', 'log.jsonl', '--hierarchy', 'city.json', ...NOW, '--by', 'child', '--node', '350304001001'], child), EXIT.ok);
  assert.match(child.stdout(), /^基层治理统计 — 梅峰社区 \(350304001001\)$/m);
  assert.match(child.stdout(), /^第一网格\s+2\s+2\s+100\.00%\s+50\.00%\s+0$/m);
  assert.match(child.stdout(), /^第二网格\s+2\s+1\s+50\.00%\s+50\.00%\s+1$/m);
  const level = memoryIo(files());
  assert.equal(await main(['stats', 'log.jsonl', '--hierarchy', 'city.json', ...NOW, '--by', 'level', '--json'], level), EXIT.ok);
  const data = JSON.parse(level.stdout()) as { rows: { label: { en: string }; values: { closed: { value: number } } }[] };
  assert.equal(data.rows.reduce((s, r) => s + r.values.closed.value, 0), 3);
});

test('jiceng stats: usage errors and skipped lines are reported', async () => {
  const bad = memoryIo(files());
  assert.equal(await main(['stats', 'log.jsonl', '--by', 'week', '--lang', 'en'], bad), EXIT.usage);
  assert.match(bad.stderr(), /--by must be one of category, level, month, child, not week/);
  const node = memoryIo(files());
  assert.equal(await main(['stats', 'log.jsonl', '--hierarchy', 'city.json', '--node', '999'], node), EXIT.usage);
  assert.match(node.stderr(), /节点编码不存在：999/);
  const missing = memoryIo({});
  assert.equal(await main(['stats', 'nope.jsonl', '--lang', 'en'], missing), EXIT.usage);
  const broken = memoryIo({ 'log.jsonl': `${log()}not json\n`, 'city.json': cityJson });
  assert.equal(await main(['stats', 'log.jsonl', '--hierarchy', 'city.json', ...NOW, '--lang', 'en'], broken), EXIT.ok);
  assert.match(broken.stderr(), /^log\.jsonl:28 /m);
  assert.match(broken.stdout(), /invalid lines skipped 1/);
});

test('jiceng stats without --hierarchy uses the generated Putian city and its party overlay', async () => {
  // a case on a real generated unit: the first unit of the generated city
  const { generatePutian: gen } = await import('@jiceng/putian');
  const unit = gen({ seed: 1 }).nodes.find((n) => n.level === 'unit')!.code;
  version = new Map();
  const text = exportEventLog(life('P1', unit, 'dispute', t('2024-03-04T09:00'), 10, 48));
  const io = memoryIo({ 'log.jsonl': text });
  assert.equal(await main(['stats', 'log.jsonl', ...NOW, '--lang', 'en'], io), EXIT.ok, io.stderr());
  assert.match(io.stdout(), /^Grassroots governance statistics — Putian City \(350300000000\)$/m);
  assert.match(io.stdout(), /^close rate\s+100\.00%\s+1 \/ 1/m);
  assert.match(io.stdout(), /^Grids with a grid party branch\s+67\.30%\s+7,025 \/ 10,439/m);
});
