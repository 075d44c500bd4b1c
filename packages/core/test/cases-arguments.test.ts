// Every exported function and class of the case loop answers a wrong argument with a JcError
// (or a failed Result), never a bare TypeError: arbitrary values in every position.
// The calendar and deadline functions belong to the calendar module and have their own checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { JcError } from '@jiceng/core';
import * as cases from '../src/cases/index.js';
import * as calendar from '../src/calendar/calendar.js';
import * as calendarChina from '../src/calendar/china.js';
import * as deadlines from '../src/cases/deadlines.js';
import { ACTORS, categories, hierarchy, makeCtx } from './cases-fixture.js';

const elsewhere = new Set([...Object.keys(calendar), ...Object.keys(calendarChina), ...Object.keys(deadlines)]);
const callables = Object.entries(cases).filter(([name, v]) => typeof v === 'function' && !elsewhere.has(name)) as [string, (...a: unknown[]) => unknown][];
/** A fixed seed by default (the run is repeatable); FC_SEED explores others. */
const SEED = Number(process.env.FC_SEED ?? 20261205);
const isClass = (f: unknown) => /^class\b/.test(Function.prototype.toString.call(f));

// Arbitrary values, plus real ones in any position (so a function gets past its first argument).
const value = fc.oneof(
  fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true }),
  fc.constantFrom<unknown>(undefined, null, NaN, Infinity, -1, 0, '', '__proto__', 'constructor', [], {}, hierarchy, categories, ACTORS.vo, makeCtx()),
);

test('arbitrary arguments to every case-loop export give a result or a JcError, never another exception', () => {
  assert.ok(callables.length > 30, `${callables.length} functions`);
  const failures: string[] = [];
  for (const [name, f] of callables) {
    for (const args of fc.sample(fc.array(value, { maxLength: Math.max(f.length, 1) + 1 }), { numRuns: 150, seed: SEED })) {
      try {
        if (isClass(f)) new (f as unknown as new (...a: unknown[]) => unknown)(...args);
        else f(...args);
      } catch (e) {
        if (e instanceof JcError && e.issue.code && e.issue.zh && e.issue.en) continue;
        failures.push(`${name}(${args.map((x) => (x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x)).join(', ')}) threw ${(e as Error)?.name}: ${(e as Error)?.message}`);
        break;
      }
    }
  }
  assert.deepEqual(failures, []);
});

test('a store\'s methods check theirs too', () => {
  const store = new cases.CaseStore({ hierarchy, categories });
  for (const bad of [undefined, null, 42, 'x', {}, [], { caseId: 'c', data: null }]) {
    assert.equal(store.apply(bad as never).ok, false);
    assert.equal(store.ingest(bad as never)?.code !== undefined, true);
    assert.equal(store.get(bad as never), undefined);
    if (!Array.isArray(bad)) assert.throws(() => store.replay(bad as never), JcError);
  }
  assert.throws(() => new cases.CaseStore({ hierarchy, categories }, { capacity: -5 }), JcError);
});
