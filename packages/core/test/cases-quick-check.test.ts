// The quick yes of the event log reader (compiled from the zod schemas) never accepts what
// the schemas refuse and accepts every valid event, so a log reads the same with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkEvent, eventDataSchemas } from '@jiceng/core/cases';
import { quickCheck } from '../src/cases/quick-check.js';
import { makeCtx, makeStore, PATHS, runSteps } from './cases-fixture.js';

const store = makeStore();
const ctx = makeCtx();
for (const steps of Object.values(PATHS)) runSteps(store, ctx, steps);
const events = store.events();

test('every event type has a quick check, and it says yes to each valid event of the fixture paths', () => {
  for (const [type, schema] of Object.entries(eventDataSchemas)) assert.equal(typeof quickCheck(schema), 'function', type);
  assert.ok(events.length > 20);
  for (const e of events) {
    assert.deepEqual(checkEvent(e), []);
    assert.equal(quickCheck(eventDataSchemas[e.type])!(e.data), true, e.type);
  }
});

/** A value that may break any rule: junk of every JSON kind, long, blank and control-character texts. */
const junk = fc.oneof(
  fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer({ min: -3, max: 7 }), fc.double(), fc.constant(1.5),
  fc.string({ maxLength: 4 }), fc.constant('a\u0000b'), fc.constant('x'.repeat(2001)), fc.constant('a\nb'), fc.constant(''),
  fc.constant('f'.repeat(64)), fc.constant([]), fc.constant({}), fc.constant(['a']), fc.constant([{ id: 'a', name: 'b', mime: 'c', size: -1 }]),
);

test('the quick check never says yes to data its schema refuses (mutated valid events)', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: events.length - 1 }), fc.string({ maxLength: 12 }), junk, (i, key, v) => {
    const e = events[i];
    const data = structuredClone(e.data) as Record<string, unknown>;
    const fields = Object.keys(data);
    data[fields.length && key.length % 2 ? fields[key.length % fields.length] : key] = v;
    if (quickCheck(eventDataSchemas[e.type])!(data)) assert.equal(eventDataSchemas[e.type].safeParse(data).success, true);
  }), { numRuns: 5000 });
});

test('the envelope keeps its rules with the quick check: each broken field refused by checkEvent', () => {
  const e = events.find((x) => x.version > 1)!;
  const bad: [string, unknown][] = [
    ['caseId', ''], ['caseId', 'c'.repeat(101)], ['caseId', 'a\u0007b'], ['caseId', 7], ['version', 0], ['version', 1.5], ['version', '2'],
    ['type', 'nope'], ['at', Infinity], ['at', '1'], ['actor', ''], ['role', 'r\nx'], ['roleNode', 'n'.repeat(41)], ['data', null], ['data', []],
    ['prev', 'xyz'], ['prev', 'F'.repeat(64)], ['prev', 1],
  ];
  for (const [k, v] of bad) {
    assert.notDeepEqual(checkEvent({ ...e, [k]: v }), [], `${k}: ${String(v).slice(0, 20)}`);
  }
  assert.deepEqual(checkEvent({ ...e, prev: 'f'.repeat(64) }), []);
});
