import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JcError } from '@jiceng/core';
import { formatIssue, issue, ok, fail } from '@jiceng/core/errors';

test('an issue formats with file, row and column, in the chosen language', () => {
  const p = issue('E_CODE_LENGTH', '编码长度应为 12 位', 'code must be 12 digits long', { file: 'nodes.csv', row: 3, column: 'code' });
  assert.equal(formatIssue(p, 'en'), 'nodes.csv:3 [code] E_CODE_LENGTH: code must be 12 digits long');
  assert.equal(formatIssue(p), 'nodes.csv:3 [code] E_CODE_LENGTH: 编码长度应为 12 位');
});

test('results carry either a value or every error', () => {
  const good = ok(1);
  const bad = fail([issue('E_X', '错', 'bad')]);
  assert.equal(good.ok && good.value, 1);
  assert.equal(!bad.ok && bad.errors[0].code, 'E_X');
  const e = new JcError(issue('E_NO_NODE', '节点不存在', 'no such node'));
  assert.match(e.message, /E_NO_NODE/);
});
