// The demo portal end to end in real Chromium (playwright-core driving Debian's chromium):
// it loads with no console error or failed request; selecting a county and a town in the
// tree changes the dashboard; a new case is recorded in the form and walked through all
// seven steps to closed by the people who may act on it; its file shows every step.
// Screenshots go to dist/e2e/ (and to docs/screenshots/ with UPDATE_SCREENSHOTS=1).
import { launchChromium } from './browser.mjs';
import { mkdirSync, copyFileSync } from 'node:fs';

export default async function ({ run }) {
  const results = [];
  const ok = (label, cond) => { results.push([label, Boolean(cond)]); if (!cond) console.log(`✗ ${label}`); else console.log(`✓ ${label}`); return Boolean(cond); };
  if (!ok('demo data generated', run(process.execPath, ['--conditions=source', '--import', 'tsx', 'scripts/demo-data.ts']).status === 0)) return results;
  const { serve } = await import('../serve.mjs');
  const { url, server } = await serve(0);
  const browser = await launchChromium();
  mkdirSync('dist/e2e', { recursive: true });
  const shot = async (page, name) => {
    await page.screenshot({ path: `dist/e2e/${name}.png` });
    if (process.env.UPDATE_SCREENSHOTS) copyFileSync(`dist/e2e/${name}.png`, `docs/screenshots/${name}.png`);
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
    await page.goto(url);
    await page.waitForSelector('body[data-ready]', { timeout: 120_000 });
    ok('the portal loads the city and its 533,500 cases', (await page.textContent('#status')).includes('533,500'));
    const dashTitle = () => page.locator('#dashboard').locator('.node').first().textContent();
    const collected = () => page.locator('#dashboard jc-kpi').first().locator('.value, [part~="value"]').first().textContent().catch(() => '');
    ok('the dashboard shows the city first', (await dashTitle()).includes('莆田市'));
    const cityFigure = await collected();
    await shot(page, 'portal-city');

    // A county, then a town, from the tree (shadow DOM is pierced by role queries).
    const tree = page.locator('#tree');
    await tree.getByRole('treeitem', { name: /城厢区/ }).first().click();
    await page.waitForFunction(() => document.querySelector('#dashboard')?.shadowRoot?.textContent?.includes('城厢区'));
    ok('selecting a county shows its figures', (await dashTitle()).includes('城厢区'));
    await page.keyboard.press('ArrowRight'); // expand the focused county
    const town = tree.getByRole('treeitem', { level: 3 }).first();
    const townName = (await town.locator('[part~="label"]').textContent()).trim();
    await town.click();
    await page.waitForFunction((n) => document.querySelector('#dashboard')?.shadowRoot?.textContent?.includes(n), townName);
    ok(`selecting a town (${townName}) changes the dashboard`, (await dashTitle()).includes(townName) && (await collected()) !== cityFigure);
    await shot(page, 'portal-town');

    // Record a new case at a unit of that town.
    const unit = await page.evaluate((name) => {
      const h = document.querySelector('#tree').hierarchy;
      const t = h.search(name, 5).find((i) => h.level(i).id === 'town');
      let u = t + 1;
      while (h.level(u).id !== 'unit') u++;
      return { code: h.code(u), name: h.name(u) };
    }, townName);
    await page.click('#new-case');
    const form = page.locator('#intake');
    await form.locator('[data-field="category"]').fill('消防');
    await form.locator('[data-field="category"]').press('Enter');
    const picker = form.locator('jc-grid-tree[data-field="node"]');
    await picker.locator('input[type="search"], [part~="search"] input, input').first().fill(unit.code);
    await picker.getByRole('treeitem', { name: new RegExp(unit.name) }).last().click();
    await form.locator('[data-field="description"]').fill('楼道堆放杂物，堵塞消防通道 <img src=x onerror=window.__pwned=1>');
    await form.locator('input[data-field="urgency"][value="normal"]').check();
    await form.locator('input[data-field="source"][value="patrol"]').check();
    await shot(page, 'portal-new-case');
    await form.locator('button[type="submit"]').click();
    await page.waitForFunction(() => /PT-N\d+/.test(document.querySelector('#status')?.textContent ?? ''), null, { timeout: 10_000 }).catch(() => {});
    const status = await page.textContent('#status');
    const caseId = /PT-N\d+/.exec(status)?.[0];
    ok('the new case is recorded and registered', Boolean(caseId));
    if (!caseId) { problems.forEach((p) => console.log(p)); return results; }

    // Walk it through the loop: each step by someone allowed to take it.
    const act = async (actorIndex, action, fill = async () => {}) => {
      await page.selectOption('#actor', String(actorIndex));
      const actions = page.locator('#actions');
      await actions.locator(`button[data-action="${action}"]`).click();
      const panel = actions.locator(`#panel-${action}`);
      await fill(panel);
      await panel.locator('button[type="submit"]').click();
      await page.waitForTimeout(150);
      const err = await actions.locator('[role="alert"]').allTextContents();
      return ok(`${action} by actor ${actorIndex}`, err.join('').trim() === '');
    };
    const villageCode = unit.code.slice(0, 12);
    const steps = [
      [2, 'dispatch', async (p) => {
        const pick = p.locator('jc-grid-tree');
        await pick.locator('input').first().fill(villageCode);
        await pick.getByRole('treeitem').filter({ hasText: '' }).last().waitFor();
        await pick.getByRole('treeitem', { level: 4 }).first().click();
      }],
      [2, 'accept'],
      [2, 'reportHandled', async (p) => p.locator('[data-afield="result"]').fill('已清理，通道畅通')],
      [0, 'verify', async (p) => { await p.locator('[data-afield="passed"][value="true"]').check().catch(() => p.locator('[data-afield="passed"]').first().check()); await p.locator('[data-afield="note"]').fill('现场核查已整改'); }],
      [0, 'followUp', async (p) => { await p.locator('[data-afield="satisfaction"][value="5"]').check().catch(() => p.locator('[data-afield="satisfaction"]').fill('5')); }],
      [3, 'close'],
    ];
    for (const [who, action, fill] of steps) if (!(await act(who, action, fill))) break;
    const file = page.locator('#case-file');
    await page.waitForTimeout(200);
    const fileText = await file.textContent().catch(() => '') + await page.evaluate(() => document.querySelector('#case-file').shadowRoot.textContent);
    ok('the case file shows the case closed with all seven steps', /已办结/.test(fileText) && ['单元巡查', '源头发现', '信息采集', '任务分派', '问题处置', '核查反馈', '跟踪问效'].every((s) => fileText.includes(s)));
    ok('user text is never rendered as HTML', await page.evaluate(() => window.__pwned === undefined));
    await shot(page, 'portal-case-file');
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    ok('the portal switches to English', (await page.textContent('#status')).includes('cases loaded') || (await page.textContent('h2#cases-h')) === 'Cases');
    await shot(page, 'portal-english');
    for (const p of problems) console.log(p);
    ok('no console error, failed request or HTTP error', problems.length === 0);
  } finally {
    await browser.close();
    server.close();
  }
  return results;
}
