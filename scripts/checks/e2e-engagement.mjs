// The engagement walk in the demo portal, end to end in real Chromium against @jiceng/server
// (scripts/start-server.ts as a child process on a fresh PGlite directory, a small case
// history). Four people, each in their own browser context, signed in through the development
// sign-in: an in-service party member reports (报到) to their village; a resident of a grid in
// that village orders a repair (群众点单); the village officer sees it arrive live and
// dispatches it to the suggested member (社区派单); the member sees it arrive, accepts and
// completes it (党员接单); the resident sees it completed and confirms it; the hours appear in
// the member's time bank and the points in the ranking — every step waits for the change to
// arrive through the live feed, never for a fixed time. The member cannot confirm their own
// service, and the order's text is never rendered as HTML.
import { rmSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from './browser.mjs';
import { devSignIn, startServer, stopServer, tally, walkFailed } from './e2e.mjs';

const root = resolve(import.meta.dirname, '../..');
const GRID = '350302001001001';
const VILLAGE = GRID.slice(0, 12);
const WAIT = { timeout: 90_000 };

export default async function () {
  const { results, ok } = tally();
  const dataDir = resolve(root, 'dist/e2e-engagement-data');
  rmSync(dataDir, { recursive: true, force: true });
  const t0 = performance.now();
  const server = await startServer({ JICENG_DATA_DIR: dataDir, JICENG_DEMO_CASES: process.env.JICENG_DEMO_CASES ?? '500', JICENG_PORT: '0' });
  console.log(`  server ready: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const browser = await launchChromium();
  mkdirSync('dist/e2e', { recursive: true });
  const problems = [];
  const notes = [];
  /** A refusal provoked on purpose: its URL part and the status expected. */
  let expecting = null;
  const watch = (page, who) => {
    // errors of this section count; the rest of the portal is checked by e2e.mjs (a resident
    // has no area to show there: app.js's own errors for them are listed, not counted)
    page.on('pageerror', (e) => (String(e.stack).includes('/engagement.js') ? problems : notes).push(`${who} page error: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() < 400 || !new URL(r.url()).pathname.startsWith('/api/engagement/')) return;
      if (expecting && r.url().includes(expecting.path) && r.status() === expecting.status) return;
      problems.push(`${who} HTTP ${r.status()}: ${r.url()}`);
    });
    page.on('requestfailed', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/api/engagement/') && !(r.failure()?.errorText === 'net::ERR_ABORTED' && path === '/api/engagement/feed')) problems.push(`${who} request failed: ${path}`);
    });
  };
  const signIn = async (page, place, person) => {
    await devSignIn(page, server.url, place, person);
    await page.waitForSelector('#engagement[data-ready][data-live="true"]', WAIT);
  };
  const row = (page, id, status) => page.locator(`#eng-board tr[data-id="${id}"]${status ? `[part~="row-${status}"]` : ''}`);
  const action = (page, id, a) => page.locator(`#eng-board button[data-order="${id}"][data-action="${a}"]`);
  const submit = (page) => page.locator('#eng-board form[part~="action-panel"] button[type="submit"]');
  const command = (page) => page.waitForResponse((r) => r.url().endsWith('/api/engagement/commands') && r.request().method() === 'POST');
  try {
    const ctx = async () => (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const [member, resident, officer] = [await ctx(), await ctx(), await ctx()];
    watch(member, 'member'); watch(resident, 'resident'); watch(officer, 'officer');
    const memberId = `pm1-${VILLAGE}`;

    // 报到: the party member reports to the village, offering repairs
    await signIn(member, VILLAGE, memberId);
    await member.locator('#eng-report-form input[value="repair"]').check();
    let sent = command(member);
    await member.click('#eng-report-form button[type="submit"]');
    ok(`the party member reports to the village (HTTP ${(await sent).status()})`, (await sent).status() === 200);
    await member.waitForSelector('#eng-report [data-reported="true"]', WAIT);

    await signIn(officer, VILLAGE, `vi1-${VILLAGE}`);
    await signIn(resident, GRID, `re1-${GRID}`);

    // 群众点单: the resident orders a repair
    const board = resident.locator('#eng-board');
    await board.locator('[part~="order-form"] summary').click();
    await board.locator('[part~="order-form"] select[name="category"]').selectOption('repair');
    await board.locator('[part~="order-form"] textarea[name="description"]').fill('厨房水龙头漏水 <img src=x onerror=window.__pwned=1>');
    sent = command(resident);
    await board.locator('[part~="order-form"] button[type="submit"]').click();
    const placed = await sent;
    ok(`the resident places an order through the API (HTTP ${placed.status()})`, placed.status() === 200);
    await resident.locator('#eng-board tr[data-id][part~="row-ordered"]').first().waitFor(WAIT);
    const orderId = await resident.locator('#eng-board tr[data-id][part~="row-ordered"]').first().getAttribute('data-id');

    // 社区派单: the officer sees it arrive live and dispatches it to the suggested member
    await row(officer, orderId, 'ordered').waitFor(WAIT);
    ok('the village officer sees the order arrive without reloading', true);
    await action(officer, orderId, 'dispatchOrder').click();
    const suggested = officer.locator('#eng-board form[part~="action-panel"] select[name="member"] optgroup').first().locator('option').first();
    ok('the member who reported is suggested first', await suggested.getAttribute('value') === memberId);
    await officer.locator('#eng-board form[part~="action-panel"] select[name="member"]').selectOption(memberId);
    sent = command(officer);
    await submit(officer).click();
    ok(`the officer dispatches it (HTTP ${(await sent).status()})`, (await sent).status() === 200);
    ok('the order\'s text is shown as text, never as HTML', await officer.evaluate(() => window.__pwned === undefined)
      && (await row(officer, orderId).textContent()).includes('<img src=x'));

    // 党员接单: the member sees it arrive, accepts and completes it
    await row(member, orderId, 'dispatched').waitFor(WAIT);
    ok('the member sees the order dispatched to them without reloading', true);
    sent = command(member);
    await action(member, orderId, 'acceptOrder').click();
    ok(`the member accepts (HTTP ${(await sent).status()})`, (await sent).status() === 200);
    await action(member, orderId, 'completeOrder').waitFor(WAIT);
    await action(member, orderId, 'completeOrder').click();
    await member.locator('#eng-board form[part~="action-panel"] input[name="hours"]').fill('2');
    sent = command(member);
    await submit(member).click();
    ok(`the member completes it, 2 hours (HTTP ${(await sent).status()})`, (await sent).status() === 200);
    await row(member, orderId, 'completed').waitFor(WAIT);
    ok('the member is not offered to confirm their own service', await action(member, orderId, 'confirmOrder').count() === 0);
    expecting = { path: '/api/engagement/commands', status: 403 };
    const self = await member.evaluate(async (order) => {
      const r = await fetch('/api/engagement/commands', {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${localStorage.getItem('jiceng.token')}` },
        body: JSON.stringify({ commandId: crypto.randomUUID(), command: { type: 'confirmOrder', order, rating: 5 } }),
      });
      return [r.status, (await r.json()).error?.code];
    }, orderId);
    expecting = null;
    ok(`nor may they, through the API: HTTP ${self[0]} ${self[1]}`, self[0] === 403 && self[1] === 'E_SELF_CONFIRM');

    // the resident sees it completed and confirms it
    await row(resident, orderId, 'completed').waitFor(WAIT);
    ok('the resident sees the service completed without reloading', true);
    await action(resident, orderId, 'confirmOrder').click();
    await resident.locator('#eng-board form[part~="action-panel"] select[name="rating"]').selectOption('5');
    sent = command(resident);
    await submit(resident).click();
    ok(`the resident confirms it (HTTP ${(await sent).status()})`, (await sent).status() === 200);
    await row(resident, orderId, 'confirmed').waitFor(WAIT);

    // the hours in the member's time bank, the points in the ranking — arriving live
    await row(member, orderId, 'confirmed').waitFor(WAIT);
    const balance = member.locator('#eng-ledger dd[data-figure="balance"]');
    await member.waitForFunction(() => /^2(\.0)?\s/.test(document.querySelector('#eng-ledger')?.shadowRoot?.querySelector('dd[data-figure="balance"]')?.textContent ?? ''), null, WAIT);
    ok(`the hours appear in the member's time bank: ${await balance.textContent()}`, true);
    await member.locator('#eng-ranking tr[data-self="true"][data-points="2"]').waitFor(WAIT);
    ok(`the points appear in the ranking: ${(await member.locator('#eng-ranking tr[data-self="true"]').textContent()).replace(/\s+/g, ' ')}`, true);
    await officer.locator('#eng-ranking tr[data-points="2"]').waitFor(WAIT);
    ok('the officer sees the member in the village ranking, the name masked', !(await officer.locator('#eng-ranking tr[data-points="2"]').textContent()).includes(memberId));
    await member.screenshot({ path: 'dist/e2e/engagement-member.png', fullPage: true });
    for (const p of problems) console.log(`  ${p}`);
    for (const n of notes) console.log(`  (outside this section) ${n}`);
    ok('no page error, failed engagement request or unexpected engagement HTTP error', problems.length === 0);
  } catch (e) {
    await walkFailed({ browser, problems, ok, error: e, prefix: 'engagement-', label: 'the engagement walk ran to the end', fullPage: true });
  } finally {
    await browser.close();
    await stopServer(server.child);
  }
  return results;
}
