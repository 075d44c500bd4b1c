// The command post end to end in real Chromium (playwright-core driving Debian's chromium)
// against @jiceng/server (scripts/start-server.ts) on a fresh PGlite directory with a small
// demo history. A town officer signs in through the development sign-in and keeps the portal
// open; three cases of one category are reported in a grid of the town (sent through the API
// as the grid worker, registered by the village officer — separation of duties: neither of
// them is the town officer who acts below); the cluster alert arrives on the town's list
// without a reload; the officer acknowledges it there and dispatches one of the cases from the
// board to the village. Every step waits for what the page shows or the API answers, never
// for a fixed time. Screenshots go to dist/e2e/.
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from './browser.mjs';
import { devSignIn, startServer, stopServer, tally, walkFailed } from './e2e.mjs';
import { tokenFor } from './people-common.mjs';

const root = resolve(import.meta.dirname, '../..');
const GRID = '350302001001001';
const VILLAGE = GRID.slice(0, 12);
const TOWN = '350302001000';
const RULE = '网格内同类事件聚集';

export default async function () {
  const { results, ok } = tally();
  const dataDir = resolve(root, 'dist/e2e-alerts-data');
  rmSync(dataDir, { recursive: true, force: true });
  const env = { JICENG_DATA_DIR: dataDir, JICENG_DEMO_CASES: process.env.JICENG_DEMO_CASES ?? '2000', JICENG_PORT: '0' };
  const server = await startServer(env);
  const api = async (path, { token, body } = {}) => {
    const res = await fetch(new URL(path, server.url), {
      method: body ? 'POST' : 'GET',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${json.error?.code} ${json.error?.en}`);
    return json;
  };
  const tokenOf = (person) => tokenFor(server.url, person);
  const browser = await launchChromium();
  mkdirSync('dist/e2e', { recursive: true });
  const problems = [];
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });

    // The town officer signs in and keeps the command post open.
    await devSignIn(page, server.url, TOWN, `to1-${TOWN}`);
    await page.waitForSelector('#command-post[data-live="true"]', { timeout: 120_000 });
    const list = page.locator('#command-alerts');
    const board = page.locator('#command-board');
    const cluster = list.locator('li', { hasText: RULE });
    ok('the town officer\'s portal shows the command post (alerts and board), following the live feed', await page.locator('#command-post:not([hidden]) jc-alerts').count() === 1);
    ok('no cluster alert before the reports', await cluster.count() === 0);

    // Three rubbish cases in one grid: reported by its worker, registered by the village.
    const gw = await tokenOf(`gw-${GRID}`);
    const vi = await tokenOf(`vi1-${VILLAGE}`);
    const units = await api(`/api/hierarchy/nodes/${GRID}/children`, { token: gw });
    const ids = [];
    for (let i = 0; i < 3; i++) {
      const note = `路边暴露垃圾（端到端 ${i + 1}）`;
      const d = await api('/api/cases', { token: gw, body: { commandId: `e2e-alerts-discover-${i}`, command: { type: 'discover', node: units[i % units.length].code, source: 'patrol', description: note } } });
      await api(`/api/cases/${d.caseId}/commands`, { token: vi, body: { commandId: `e2e-alerts-register-${i}`, command: { type: 'register', caseId: d.caseId, expectedVersion: 1, category: 'city.rubbish', urgency: 'normal', description: note } } });
      ids.push(d.caseId);
    }
    await cluster.waitFor({ timeout: 60_000 });
    const text = await cluster.textContent();
    ok(`the cluster alert arrives on the town's list without a reload: ${text.replace(/\s+/g, ' ').trim().slice(0, 80)}`, text.includes('3 件') && text.includes('暴露垃圾'));
    ok('it is announced politely to screen readers', (await list.locator('[role="status"]').textContent()).includes('新预警'));
    for (const id of ids) await board.locator(`li[data-key="${id}"]`).waitFor();
    ok('the three cases wait on the town\'s board for dispatch', (await Promise.all(ids.map((id) => board.locator(`li[data-key="${id}"]`).textContent()))).every((t) => t.includes('待派遣')));
    await page.screenshot({ path: 'dist/e2e/command-post-alert.png' });

    // The town acknowledges on its list.
    const to = await tokenOf(`to1-${TOWN}`);
    const before = (await api(`/api/alerts?node=${TOWN}`, { token: to })).items.find((a) => a.rule === 'grid-cluster');
    const acked = page.waitForResponse((r) => /\/api\/alerts\/[^/]+\/commands$/.test(new URL(r.url()).pathname));
    await cluster.getByRole('button', { name: '确认' }).click();
    ok(`the acknowledgement is accepted (HTTP ${(await acked).status()})`, (await acked).status() === 200);
    await list.locator('li', { hasText: RULE }).filter({ hasText: '已确认' }).waitFor();
    const file = await api(`/api/alerts/${before.id}`, { token: to });
    ok(`the list shows it acknowledged; the store holds one acknowledgement by the officer (${file.events.map((e) => e.type).join(', ')})`,
      file.events.filter((e) => e.type === 'acknowledged').length === 1 && file.events[1].actor === `to1-${TOWN}`);

    // …and dispatches the first case from the board to the village.
    const row = board.locator(`li[data-key="${ids[0]}"]`);
    await row.locator('[data-opens="dispatch"]').click();
    const sent = page.waitForResponse((r) => r.url().includes(`/api/cases/${ids[0]}/commands`));
    await row.getByRole('menuitem').filter({ hasText: /社区|村/ }).first().click();
    ok(`the dispatch from the board is the ordinary case command (HTTP ${(await sent).status()})`, (await sent).status() === 200);
    await board.locator(`li[data-key="${ids[0]}"]`).filter({ hasText: '待受理' }).waitFor();
    const c = await api(`/api/cases/${ids[0]}`, { token: to });
    ok(`the case is dispatched to the village (${c.case.status}) and waits there for acceptance on the board`, c.case.status === 'dispatched');
    await page.screenshot({ path: 'dist/e2e/command-post-dispatched.png' });
    ok('the page stays usable by keyboard: the list is one tab stop with the alert focusable', await list.locator('li[tabindex="0"]').count() === 1);
    for (const p of problems) console.log(`  ${p}`);
    ok('no console error, failed request or HTTP error', problems.length === 0);
  } catch (e) {
    await walkFailed({ browser, problems, ok, error: e, prefix: 'alerts-' });
  } finally {
    await browser.close();
    await stopServer(server.child);
  }
  return results;
}
