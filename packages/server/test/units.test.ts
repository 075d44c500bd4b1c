// The server's small parts without a store: configuration, tokens, the demo's people, case
// ids of new cases, the client's errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHierarchy } from '@jiceng/core';
import { generatePutian } from '@jiceng/putian';
import { loadConfig } from '../src/config.js';
import { issueToken, parseGrant, verifyToken } from '../src/auth.js';
import { peopleAt, personById } from '../src/people.js';
import { discoveredCaseId } from '../src/record.js';
import { JicengClient, JicengApiError } from '../src/client.js';
import { AUTH } from './helpers.js';

test('configuration from the environment', () => {
  const c = loadConfig({ JICENG_PORT: '8080', JICENG_DEV_SIGNIN: '1', JICENG_CORS_ORIGINS: 'https://a.gov.cn, https://b.gov.cn', JICENG_RATE_BURST: '5' });
  assert.equal(c.port, 8080);
  assert.equal(c.devSignin, true);
  assert.deepEqual(c.corsOrigins, ['https://a.gov.cn', 'https://b.gov.cn']);
  assert.equal(c.limits.burst, 5);
  assert.equal(c.dataDir, './.jiceng-data');
  assert.equal(loadConfig({}).devSignin, false, 'the development sign-in is off unless asked for');
  assert.throws(() => loadConfig({ JICENG_PORT: 'eighty' }));
});

test('tokens: grants as role@node; a malformed grant or a wrong audience is refused', async () => {
  assert.deepEqual(parseGrant('town-officer@350302001000'), { role: 'town-officer', node: '350302001000' });
  assert.equal(parseGrant('town-officer'), undefined);
  const actor = { id: 'to1-350302001000', roles: [{ role: 'town-officer', node: '350302001000' }] };
  assert.deepEqual(await verifyToken(await issueToken(actor, AUTH), AUTH), actor);
  const bad = await issueToken({ id: 'x', roles: [{ role: 'Town Officer!', node: '1' }] }, AUTH);
  await assert.rejects(verifyToken(bad, AUTH), (e: { status: number }) => e.status === 401);
  await assert.rejects(verifyToken(await issueToken(actor, { ...AUTH, audience: 'elsewhere' }), AUTH), (e: { status: number }) => e.status === 401);
});

test('the demo\'s people: from the grid up, and only ids of that form', () => {
  const d = generatePutian({ seed: 1 });
  const h = buildHierarchy(d.config, d.nodes);
  assert.ok(h.ok);
  const hv = h.value;
  let grid = 0;
  while (hv.level(grid).id !== 'grid') grid = hv.children(grid)[0];
  const people = peopleAt(hv, grid);
  assert.deepEqual(people.map((p) => p.grants[0].role), ['grid-worker', 'grid-head', 'citizen', 'citizen', 'village-officer', 'village-officer', 'party-member', 'party-member', 'town-officer', 'town-officer', 'county-officer', 'county-officer', 'city-officer', 'city-officer']);
  for (const p of people) assert.deepEqual(personById(hv, p.id), p);
  assert.equal(personById(hv, `to1-${hv.code(grid)}`), undefined, 'a town officer\'s id on a grid is no one');
  assert.equal(personById(hv, 'admin'), undefined);
  assert.equal(personById(hv, `pm1-${hv.code(grid)}`), undefined, 'a party member reports to a village, not a grid');
});

test('a new case\'s id follows from the actor and the command id', () => {
  assert.equal(discoveredCaseId('gw-1', 'cmd-1'), discoveredCaseId('gw-1', 'cmd-1'));
  assert.notEqual(discoveredCaseId('gw-1', 'cmd-1'), discoveredCaseId('gw-2', 'cmd-1'));
  assert.match(discoveredCaseId('gw-1', 'cmd-1'), /^JC-[0-9A-F]{14}$/);
});

test('the client: an error answer becomes a JicengApiError with its code and messages', async () => {
  const c = new JicengClient({
    baseUrl: 'http://x',
    fetch: async () => new Response(JSON.stringify({ error: { code: 'E_STALE_VERSION', zh: '案件已被他人修改', en: 'changed', currentVersion: 7 } }), { status: 409 }),
  });
  await assert.rejects(c.caseFile('c1'), (e: unknown) => e instanceof JicengApiError && e.status === 409 && e.error.currentVersion === 7);
  assert.equal(new JicengClient({ baseUrl: 'http://x/', token: 't 1' }).feedUrl(5), 'http://x/api/feed?access_token=t+1&after=5');
});
