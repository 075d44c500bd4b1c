import { test } from 'node:test';
import assert from 'node:assert/strict';
import { can, DEFAULT_CASE_POLICY, CASE_COMMAND_TYPES, type CasePolicy } from '@jiceng/core/cases';

test('the table is data: rules add up, absent levels mean any level, unknown roles get nothing', () => {
  const p: CasePolicy = {
    rules: [
      { role: 'clerk', commands: ['register'], levels: ['village'] },
      { role: 'clerk', commands: ['register', 'dispatch'], levels: ['town'] },
      { role: 'citizen', commands: ['discover'] },
    ],
  };
  assert.equal(can(p, 'clerk', 'register', 'village'), true);
  assert.equal(can(p, 'clerk', 'register', 'town'), true);
  assert.equal(can(p, 'clerk', 'dispatch', 'village'), false);
  assert.equal(can(p, 'citizen', 'discover', 'unit'), true);
  assert.equal(can(p, 'citizen', 'discover', 'city'), true);
  assert.equal(can(p, 'nobody', 'discover', 'unit'), false);
});

test('the default table: small matters stay low, closing and oversight sit higher', () => {
  const d = DEFAULT_CASE_POLICY;
  assert.equal(can(d, 'grid-worker', 'recordPatrol', 'grid'), true);
  assert.equal(can(d, 'grid-worker', 'close', 'grid'), false);
  assert.equal(can(d, 'village-officer', 'close', 'village'), true);
  assert.equal(can(d, 'village-officer', 'close', 'town'), false, 'a role is bound to its level');
  assert.equal(can(d, 'village-officer', 'supervise', 'village'), false);
  assert.equal(can(d, 'town-officer', 'supervise', 'town'), true);
  assert.equal(can(d, 'supervisor', 'recordAccountability', 'county'), true);
  assert.equal(can(d, 'citizen', 'close', 'unit'), false);
  // Every command is runnable by someone.
  for (const c of CASE_COMMAND_TYPES) assert.ok(d.rules.some((r) => r.commands.includes(c)), c);
});
