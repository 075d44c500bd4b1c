// Getting started with @jiceng/core and @jiceng/putian: the city, a case through all seven
// steps, the figures. Run: node --conditions=source --import tsx examples/node/quickstart.ts
// (docs/guides/getting-started.md walks through it; a test runs it.)
import { buildHierarchy, createMetrics, CaseStore, CASE_STATUSES, type Actor } from '@jiceng/core';
import { generatePutian, createPutianCaseContext } from '@jiceng/putian';

// 1. The city: 146,227 nodes from city to building unit, indexed in one pass.
const city = generatePutian({ seed: 1 });
const built = buildHierarchy(city.config, city.nodes);
if (!built.ok) throw new Error(built.errors.map((e) => e.en).join('\n'));
const h = built.value;
const unit = h.indexOf(city.nodes.find((n) => n.level === 'unit')!.code); // the first building unit
const grid = h.parents[unit], village = h.parents[grid];

// 2. The case context: categories, the working calendar, the policy, a clock.
const ctx = createPutianCaseContext(h);
ctx.now = Date.parse('2026-03-02T09:00:00+08:00');
const store = new CaseStore({ hierarchy: h, categories: ctx.categories });

// People act under roles held on nodes; their scope is that node's subtree.
const who = (id: string, role: string, pos: number): Actor => ({ id, roles: [{ role, node: h.code(pos) }] });
const gridWorker = who('gw-1', 'grid-worker', grid);
const villageOfficer = who('vo-1', 'village-officer', village);
const villageOfficer2 = who('vo-2', 'village-officer', village);

// 3. The seven steps. Each command is validated and checked; a refusal changes nothing.
function run(actor: Actor, command: Record<string, unknown>): string {
  const r = store.execute(command, actor, ctx);
  if (!r.ok) throw new Error(`${r.errors[0].code}: ${r.errors[0].en}`);
  ctx.now += 30 * 60_000; // half an hour passes between steps
  return r.value[0].caseId;
}
const id = run(gridWorker, { type: 'discover', node: h.code(unit), source: 'patrol', description: '楼道堆放杂物' });
const step = (actor: Actor, command: Record<string, unknown>) => run(actor, { ...command, caseId: id, expectedVersion: store.get(id)!.version });
// A fire hazard is handled at the village (小事不出村): the village registers and dispatches.
step(villageOfficer, { type: 'register', category: 'safety.fire', urgency: 'normal', description: '楼道堆放杂物，堵塞消防通道' });
step(villageOfficer, { type: 'dispatch', node: h.code(village) });
step(villageOfficer, { type: 'accept' });
step(villageOfficer, { type: 'reportHandled', result: '已清理' });
const selfCheck = store.execute({ type: 'verify', caseId: id, expectedVersion: store.get(id)!.version, passed: true, note: '自查' }, villageOfficer, ctx);
console.log('the handler verifying its own work:', selfCheck.ok ? 'allowed?!' : selfCheck.errors[0].code);
step(gridWorker, { type: 'verify', passed: true, note: '现场核查已清理' });
step(gridWorker, { type: 'followUp', satisfaction: 5, recurred: false });
// Separation of duties: whoever handled it may not close it either — a colleague closes.
step(villageOfficer2, { type: 'close', note: '办结' });
console.log('status:', store.get(id)!.status);

// 4. The case file 一件一档: every event, in order.
const file = store.dossier(id);
if (file.ok) console.log('file:', file.value.entries.length, 'events;', file.value.steps.map((s) => `${s.name.zh} ${s.status}`).join(', '));

// 5. The figures of any node, from the facts the store keeps.
const metrics = createMetrics({ hierarchy: h, facts: store.facts, now: ctx.now, closeRateBase: 'collected' });
if (metrics.ok) {
  const v = metrics.value.value(h.parents[village], 'banjieRate');
  console.log(`办结率 of ${h.name(h.parents[village])}: ${v.numerator}/${v.denominator} = ${v.value}%`);
}
export const summary = { status: store.get(id)!.status, closed: CASE_STATUSES[store.facts.status[0]] === 'closed', selfCheck: selfCheck.ok ? null : selfCheck.errors[0].code };
