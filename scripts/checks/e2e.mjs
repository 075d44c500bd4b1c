// The demo portal on the API, end to end in real Chromium (playwright-core driving Debian's
// chromium) against @jiceng/server (scripts/start-server.ts, what `pnpm start` runs) as a child process on a fresh PGlite directory with a
// small demo history (JICENG_DEMO_CASES, default 2,000: the city is whole, the history is
// scaled down to keep CI short). Two browser contexts, each signed in through the
// development sign-in: a grid worker records a case; a town officer sees it arrive live,
// registers and dispatches it; the grid worker sees the new status without reloading; the
// server is stopped and started again on the same data: both pages reconnect by themselves
// (the feed resumes with Last-Event-ID) and, reloaded, still show the case.
// Then, on the same server, one walk per person (scripts/checks/people-*.mjs): the grid worker on
// a phone, the town officer by keyboard only, the city leader at a wall screen, and everything
// in English; and the first screen timed (scripts/checks/first-screen.mjs). Screenshots go to dist/e2e/ (the people's screens also to docs/screenshots/ with
// UPDATE_SCREENSHOTS=1).
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from './browser.mjs';
import phoneWalk from './people-phone.mjs';
import keyboardWalk from './people-keyboard.mjs';
import wallWalk from './people-wall.mjs';
import englishWalk from './people-english.mjs';
import firstScreen from './first-screen.mjs';
import { axe } from './people-common.mjs';

const root = resolve(import.meta.dirname, '../..');
const GRID = '350302001001001';
const TOWN = '350302001000';

/** Starts the server as a child process; resolves with its URL once it listens (e2e-alerts.mjs uses it too). */
export function startServer(env) {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'scripts/start-server.ts'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, bad) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /portal\s+(http\S+)/.exec(out);
      if (m) ok({ url: m[1], child });
    });
    child.once('exit', (code) => bad(new Error(`the server exited (${code}) before listening: ${out}`)));
  });
}
export const stopServer = (child) => new Promise((ok) => { child.once('exit', ok); child.kill('SIGTERM'); });

/** Signs in through the development sign-in page of the portal at `url`: a place by code, then the person. */
export async function devSignIn(page, url, place, person) {
  await page.goto(url);
  await page.waitForURL(/\/dev\/signin/);
  await page.fill('#q', place);
  await page.click('#f button');
  await page.locator('#places button', { hasText: place }).first().click();
  await page.click(`#people button[data-person="${person}"]`);
}

/** A check module's results, and `ok(label, cond)`, which prints one and records it. */
export function tally() {
  const results = [];
  const ok = (label, cond) => { results.push([label, Boolean(cond)]); console.log(`${cond ? '✓' : '✗'} ${label}`); return Boolean(cond); };
  return { results, ok };
}

/**
 * After a walk that threw: a screenshot of every open page (dist/e2e/<prefix>failed-<i>.png),
 * the problems seen so far, and the failed check `<label> (<the error's first line>)`.
 */
export async function walkFailed({ browser, problems, ok, error, prefix = '', label = 'the walk-through ran to the end', fullPage = false }) {
  for (const [i, p] of browser.contexts().flatMap((c) => c.pages()).entries()) await p.screenshot({ path: `dist/e2e/${prefix}failed-${i}.png`, fullPage }).catch(() => {});
  for (const p of problems) console.log(`  ${p}`);
  ok(`${label} (${String(error.message).split('\n')[0]})`, false);
}

export default async function () {
  const { results, ok } = tally();
  const dataDir = resolve(root, 'dist/e2e-data');
  rmSync(dataDir, { recursive: true, force: true });
  const env = { JICENG_DATA_DIR: dataDir, JICENG_DEMO_CASES: process.env.JICENG_DEMO_CASES ?? '2000', JICENG_PORT: '0' };
  let t0 = performance.now();
  let server = await startServer(env);
  console.log(`  first start (city + ${env.JICENG_DEMO_CASES} cases loaded): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const port = new URL(server.url).port;
  const browser = await launchChromium();
  mkdirSync('dist/e2e', { recursive: true });
  const shot = async (page, name) => {
    await page.screenshot({ path: `dist/e2e/${name}.png` });
  };
  const problems = [];
  let restarting = false;
  /** A refusal the walk-through provokes on purpose (an answer, not a problem): its URL part. */
  let expecting = '';
  const refusals = [];
  const watch = (page, who) => {
    page.on('console', (m) => {
      if (m.type() !== 'error' || restarting) return;
      const i = refusals.findIndex((n) => m.text().includes(`status of ${n}`)); // Chromium logs the provoked refusal
      if (i >= 0) refusals.splice(i, 1);
      else problems.push(`${who} console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${who} page error: ${e.message}`));
    // a read the page abandons when it reloads (the live feeds, a section still loading) is
    // cancelled by the browser (net::ERR_ABORTED): not a failure; a write never is
    page.on('requestfailed', (r) => {
      const why = r.failure()?.errorText ?? '';
      if (restarting || (why === 'net::ERR_ABORTED' && r.method() === 'GET')) return;
      problems.push(`${who} request failed (${why}): ${new URL(r.url()).pathname}`);
    });
    page.on('response', (r) => {
      if (r.status() < 400) return;
      if (expecting && r.url().includes(expecting)) refusals.push(r.status());
      else problems.push(`${who} HTTP ${r.status()}: ${r.url()}`);
    });
  };
  /** Signs in through the development sign-in page: a place by code, then the person. */
  const signIn = async (page, place, person) => {
    await devSignIn(page, server.url, place, person);
    await page.waitForSelector('body[data-ready][data-live="true"]', { timeout: 60_000 });
  };
  const caseRow = (page, id) => page.locator(`#case-list button[data-case="${id}"]`);
  try {
    const worker = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    const officer = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    watch(worker, 'worker');
    watch(officer, 'officer');
    await signIn(worker, GRID, `gw-${GRID}`);
    ok('the grid worker signs in and sees their grid', (await worker.textContent('#who-name')).includes('网格员'));
    await signIn(officer, TOWN, `to1-${TOWN}`);
    ok('the town officer signs in separately and sees the town', (await officer.textContent('#who-name')).includes('镇街干部'));
    await officer.waitForFunction(() => document.querySelector('#dashboard')?.shadowRoot?.textContent?.trim().length > 0);
    ok('the officer\'s dashboard shows the town\'s figures from the API', (await officer.evaluate(() => document.querySelector('#dashboard').shadowRoot.textContent)).length > 0);
    await shot(officer, 'portal-officer');

    // The map follows the tree and the figures, and they follow it: it opens on the town (its
    // outlines from the API), flies to a village chosen in the tree, and a grid clicked on the
    // map is selected in the tree and fetched for the figures.
    const map = officer.locator('#map');
    await officer.waitForFunction((town) => document.querySelector('#map')?.node === town
      && document.querySelector('#map').shadowRoot.querySelectorAll('[role="option"]').length > 0, TOWN, { timeout: 60_000 });
    const villages = await map.locator('[role="option"]').count();
    ok(`the map opens on the officer's town with its ${villages} villages outlined from the API`, villages > 1);
    const VILLAGE = GRID.slice(0, 12);
    await officer.evaluate((v) => {
      const tree = document.querySelector('#tree');
      tree.dispatchEvent(new CustomEvent('jc-select', { detail: { codes: [v], code: v, positions: [tree.hierarchy.indexOf(v)] }, bubbles: true, composed: true }));
    }, VILLAGE);
    await officer.waitForFunction((v) => document.querySelector('#map').node === v
      && document.querySelector('#map').shadowRoot.querySelectorAll('[role="option"]').length > 0, VILLAGE, { timeout: 30_000 });
    ok('a village chosen in the tree: the map flies there and outlines its grids', true);
    // a point inside the grid (a Voronoi cell is convex: the mean of its corners), on the stage
    await map.scrollIntoViewIfNeeded();
    const at = await officer.evaluate((grid) => {
      const m = document.querySelector('#map');
      const ring = m.geometry.get(grid).coordinates[0].slice(1);
      const lon = ring.reduce((a, p) => a + p[0], 0) / ring.length, lat = ring.reduce((a, p) => a + p[1], 0) / ring.length;
      const R = 6378137, mx = (l) => (R * l * Math.PI) / 180, my = (b) => R * Math.log(Math.tan(Math.PI / 4 + (b * Math.PI) / 360));
      const v = m.view, st = m.shadowRoot.querySelector('.stage'), r = st.getBoundingClientRect();
      return { x: r.left + st.clientWidth / 2 + (mx(lon) - mx(v.center[0])) / v.resolution, y: r.top + st.clientHeight / 2 - (my(lat) - my(v.center[1])) / v.resolution };
    }, GRID);
    const dashAsked = officer.waitForRequest((r) => r.url().includes('/api/metrics/dashboard?') && r.url().includes(`node=${GRID}`), { timeout: 30_000 });
    await officer.mouse.click(at.x, at.y);
    await dashAsked;
    await officer.waitForFunction((g) => document.querySelector('#tree').selected?.[0] === g && document.querySelector('#map').selected === g, GRID, { timeout: 30_000 });
    ok('a grid clicked on the map is selected in the tree and the figures are fetched for it', true);
    const mapV = await axe(officer);
    ok(`the portal with its map has no axe violations${mapV.length ? `: ${mapV.join('; ')}` : ''}`, mapV.length === 0);
    await shot(officer, 'portal-officer-map');
    // back to the town for the rest of the walk
    await officer.evaluate((t) => {
      const tree = document.querySelector('#tree');
      tree.selected = [t];
      tree.dispatchEvent(new CustomEvent('jc-select', { detail: { codes: [t], code: t, positions: [tree.hierarchy.indexOf(t)] }, bubbles: true, composed: true }));
    }, TOWN);
    await officer.waitForFunction((t) => document.querySelector('#map').node === t, TOWN);
    await officer.evaluate(() => window.scrollTo(0, 0));

    // The grid worker records a case at a unit of their grid.
    const unit = await worker.evaluate((grid) => {
      const h = document.querySelector('#tree').hierarchy;
      const u = h.indexOf(grid) + 1;
      return { code: h.code(u), name: h.name(u) };
    }, GRID);
    await worker.click('#new-case');
    const form = worker.locator('#intake');
    await form.locator('[data-field="category"]').fill('消防');
    await form.locator('[data-field="category"]').press('Enter');
    const picker = form.locator('jc-grid-tree[data-field="node"]');
    await picker.locator('input').first().fill(unit.code);
    await picker.getByRole('treeitem', { name: new RegExp(unit.name) }).last().click();
    await form.locator('[data-field="description"]').fill('楼道堆放杂物，堵塞消防通道 <img src=x onerror=window.__pwned=1>');
    await form.locator('input[data-field="urgency"][value="normal"]').check();
    await form.locator('input[data-field="source"][value="patrol"]').check();
    const posted = worker.waitForResponse((r) => r.url().endsWith('/api/cases') && r.request().method() === 'POST');
    await form.locator('button[type="submit"]').click();
    const res = await posted;
    const caseId = (await res.json()).caseId;
    ok(`the grid worker records a case through the API (${caseId})`, res.status() === 200 && /^JC-/.test(caseId));
    await worker.waitForSelector('#case-h[data-status="discovered"]');
    ok('the worker sees the new case in their list and its file', await caseRow(worker, caseId).count() === 1);
    ok('user text is never rendered as HTML', await worker.evaluate(() => window.__pwned === undefined));

    // The town officer sees it arrive without reloading, registers and dispatches it.
    await caseRow(officer, caseId).waitFor();
    ok('the town officer sees the case arrive live', true);
    await caseRow(officer, caseId).click();
    await officer.waitForSelector('#case-h[data-status="discovered"]');
    const actions = officer.locator('#actions');
    const act = async (action, fill, status) => {
      await actions.locator(`button[data-action="${action}"]`).click();
      const panel = actions.locator(`#panel-${action}`);
      await fill(panel);
      const sent = officer.waitForResponse((r) => r.url().includes(`/api/cases/${caseId}/commands`));
      await panel.locator('button[type="submit"]').click();
      const r = await sent;
      await officer.waitForSelector(`#case-h[data-status="${status}"]`);
      // the portal moves focus once the list is redrawn too: wait for it (or for the check to fail)
      await officer.waitForFunction(() => document.activeElement?.id === 'case-h', null, { timeout: 30_000 }).catch(() => {});
      return ok(`the officer's ${action} is accepted (HTTP ${r.status()}) and focus goes to the result`, r.status() === 200
        && await officer.evaluate(() => document.activeElement?.id === 'case-h'));
    };
    await act('register', async (p) => {
      await p.locator('[data-field="category"]').fill('消防');
      await p.locator('[data-field="category"]').press('Enter');
      await p.locator('[data-afield="urgency"][value="normal"]').click();
      await p.locator('[data-afield="description"]').fill('楼道堆放杂物，堵塞消防通道');
    }, 'registered');
    // A refusal says why, in place: the grid cannot handle this category; the core's code and
    // message appear beside the action, and nothing changes.
    await actions.locator('button[data-action="dispatch"]').click();
    const panel = actions.locator('#panel-dispatch');
    const pick = panel.locator('jc-grid-tree');
    await pick.locator('input').first().fill(GRID);
    await pick.getByRole('treeitem', { level: 5 }).first().click();
    const refusedP = officer.waitForResponse((r) => r.url().includes(`/api/cases/${caseId}/commands`));
    expecting = `/api/cases/${caseId}/commands`;
    await panel.locator('button[type="submit"]').click();
    const refused = await refusedP;
    const body = await refused.json();
    expecting = '';
    // the message names the place by name and level, not by its code
    const alert = actions.locator('[role="alert"]', { hasText: (body.error?.zh ?? '∅').split('：')[0] }).first();
    await alert.waitFor();
    const shown = await alert.textContent();
    ok(`a refused dispatch (HTTP ${refused.status()} ${body.error?.code}) shows the server's message beside the action, the place by name: ${shown.trim()}`,
      refused.status() >= 400 && !/\d{12}/.test(shown) && (await officer.textContent('#case-h')).includes(caseId) && await officer.locator('#case-h[data-status="registered"]').count() === 1);
    await actions.locator('button[data-action="dispatch"]').click(); // close the panel, open it afresh below
    await act('dispatch', async (p) => {
      const pick = p.locator('jc-grid-tree');
      await pick.locator('input').first().fill(GRID.slice(0, 12)); // the grid's village
      await pick.getByRole('treeitem', { level: 4 }).first().click();
    }, 'dispatched');
    await shot(officer, 'portal-officer-dispatched');
    // Escape closes an open action panel and gives focus back to its button
    const next = actions.locator('button[data-action]').first();
    await next.click();
    await actions.locator('[id^="panel-"]').first().waitFor();
    await officer.keyboard.press('Escape');
    await actions.locator('button[data-action][aria-expanded="true"]').waitFor({ state: 'detached' });
    ok('Escape closes the action panel and focus returns to its button', await officer.evaluate(() => {
      const a = document.querySelector('#actions');
      return document.activeElement === a && a.shadowRoot.activeElement?.matches('button[data-action]');
    }));

    // The grid worker sees the new status without reloading.
    await worker.waitForSelector('#case-h[data-status="dispatched"]');
    await caseRow(worker, caseId).locator('.meta[data-status="dispatched"]').waitFor();
    ok('the grid worker sees the case dispatched without reloading', true);
    await shot(worker, 'portal-worker');

    // Restart the server on the same data: the pages reconnect by themselves.
    restarting = true;
    await stopServer(server.child);
    await Promise.all([worker.waitForSelector('body[data-live="false"]'), officer.waitForSelector('body[data-live="false"]')]);
    t0 = performance.now();
    server = await startServer({ ...env, JICENG_PORT: port });
    console.log(`  restart on the same data: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await Promise.all([worker.waitForSelector('body[data-live="true"]', { timeout: 60_000 }), officer.waitForSelector('body[data-live="true"]', { timeout: 60_000 })]);
    restarting = false;
    ok('both pages reconnect to the restarted server by themselves', true);
    for (const [page, who] of [[worker, 'grid worker'], [officer, 'town officer']]) {
      await page.reload();
      await page.waitForSelector('body[data-ready][data-live="true"]');
      await caseRow(page, caseId).locator('.meta[data-status="dispatched"]').waitFor();
      ok(`after the restart the ${who} still sees the case, dispatched`, true);
    }
    await worker.click('#lang');
    await worker.waitForFunction(() => document.documentElement.lang === 'en');
    await worker.reload();
    await worker.waitForSelector('body[data-ready]');
    ok('the language choice is remembered across a reload', await worker.evaluate(() => document.documentElement.lang) === 'en');
    await worker.context().close();
    await officer.context().close();

    // One walk per person, on the same server (first: the first screen's timing)
    for (const [name, walk] of [['first screen', firstScreen], ['phone', phoneWalk], ['keyboard', keyboardWalk], ['wall', wallWalk], ['english', englishWalk]]) {
      try {
        await walk({ browser, url: server.url, ok, watch: (p) => watch(p, name) });
      } catch (e) {
        ok(`${name}: the walk ran to the end (${String(e.message).split('\n')[0]})`, false);
      }
    }
    for (const p of problems) console.log(`  ${p}`);
    ok('no console error, failed request or HTTP error', problems.length === 0);
  } catch (e) {
    await walkFailed({ browser, problems, ok, error: e });
  } finally {
    await browser.close();
    await stopServer(server.child);
  }
  return results;
}
