import { test } from 'node:test';
import assert from 'node:assert/strict';

// The getting-started guide's code (examples/node/quickstart.ts) runs as written.
test('the getting-started example walks a case to closed and refuses self-verification', async () => {
  const { summary } = await import('../../../examples/node/quickstart.js');
  assert.deepEqual(summary, { status: 'closed', closed: true, selfCheck: 'E_SELF_VERIFY' });
});
