import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHierarchy, CASE_STATUSES } from '@jiceng/core';
import { generatePutian, PutianScenario, PUTIAN_CASE_COUNTS } from '@jiceng/putian';

test('the full Putian history: 533,500 cases collected, 530,600 closed — 办结率 99.46%', () => {
  const data = generatePutian({ seed: 1 });
  const h = buildHierarchy(data.config, data.nodes);
  assert.ok(h.ok);
  const sim = new PutianScenario(h.value, { seed: 1 });
  const store = sim.run();
  const f = store.facts;
  let closed = 0;
  for (let i = 0; i < f.length; i++) if (CASE_STATUSES[f.status[i]] === 'closed') closed++;
  assert.equal(f.length, PUTIAN_CASE_COUNTS.collected);
  assert.equal(closed, PUTIAN_CASE_COUNTS.closed);
  assert.equal(((closed / f.length) * 100).toFixed(2), '99.46');
});
