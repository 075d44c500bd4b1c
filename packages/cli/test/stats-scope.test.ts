import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHierarchy } from '@jiceng/core';
import { exportEventLog, type AnyCaseEvent } from '@jiceng/core/cases';
import { generatePutian, PutianScenario } from '@jiceng/putian';
import { EXIT, main, memoryIo } from '@jiceng/cli';

// `jiceng stats --as ROLE@NODE`: the figures of the actor's own area only; another area is
// refused with nothing of it printed, and the header does not reveal the city's totals.
const city = generatePutian({ seed: 1 });
const h = buildHierarchy(city.config, city.nodes);
assert.ok(h.ok);
const sim = new PutianScenario(h.value, { seed: 2, cases: 400 });
const events: AnyCaseEvent[] = [];
sim.run({ onEvent: (e) => events.push(e) });
const log = exportEventLog(events);
const town = h.value.code(h.value.parents[h.value.parents[h.value.parents[events[0] && h.value.indexOf((events[0].data as { node: string }).node)]]]);
const inTown = new Set(events.filter((e) => e.type === 'discovered' && (e.data as { node: string }).node.startsWith(town.slice(0, 9))).map((e) => e.caseId));
const files = () => ({ 'log.jsonl': new TextEncoder().encode(log) });

test('a town officer sees the figures of the town, counted over the town only', async () => {
  const io = memoryIo(files());
  assert.equal(await main(['stats', 'log.jsonl', '--as', `town-officer@${town}`, '--json'], io), EXIT.ok, io.stderr());
  const out = JSON.parse(io.stdout());
  assert.equal(out.node, town);
  assert.equal(out.cases, inTown.size);
  assert.ok(out.cases < 400, 'the header must not reveal the city total');
});

test('another area is refused with E_OUT_OF_SCOPE, in zh and en, and nothing of it is printed', async () => {
  const other = h.value.code(h.value.children(0).find((c) => !town.startsWith(h.value.code(c).slice(0, 6)))!);
  for (const lang of ['zh', 'en']) {
    const io = memoryIo(files());
    assert.equal(await main(['stats', 'log.jsonl', '--as', `town-officer@${town}`, '--node', other, '--lang', lang], io), EXIT.problems);
    assert.equal(io.stdout(), '');
    assert.match(io.stderr(), lang === 'en' ? /E_OUT_OF_SCOPE: outside your scope/ : /E_OUT_OF_SCOPE: 超出权限范围/);
  }
});
