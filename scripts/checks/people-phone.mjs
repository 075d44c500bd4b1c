// The grid worker on a phone (390×844): the record action on the first screen; records a case
// at their grid (the form starts there) and one at a unit of it; finds the case again after a
// reload by its place in the tree; reads its whole file; nothing is wider than the screen; axe
// finds nothing. In Chinese, and the first screen again in English.
import { PLACES, personPage, axe, shot } from './people-common.mjs';

/** Runs in the page: elements (light DOM and open shadow roots) that stick out past the viewport, unless an ancestor clips them. */
function tooWide() {
  const out = [];
  const walk = (root, clipped) => {
    for (const el of root.children) {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      if (cs.display === 'none') continue;
      if (!clipped && r.width > 0 && (r.right > innerWidth + 1 || r.left < -1)) out.push(`${el.localName}${el.id ? `#${el.id}` : ''}.${String(el.className?.baseVal ?? el.className ?? '').split(' ')[0]} ${Math.round(r.left)}–${Math.round(r.right)}`);
      const clips = clipped || (cs.overflowX !== 'visible' && r.right <= innerWidth + 1 && r.left >= -1);
      if (el.shadowRoot) walk(el.shadowRoot, clips);
      walk(el, clips);
    }
  };
  walk(document.body, false);
  return { out, scroll: document.documentElement.scrollWidth };
}

export default async function phoneWalk({ browser, url, ok, watch }) {
  const person = `gw-${PLACES.grid}`;
  const page = await personPage(browser, url, { person, lang: 'zh', viewport: { width: 390, height: 844 }, watch });
  const first = await page.evaluate(() => document.querySelector('#new-case').getBoundingClientRect().bottom);
  ok(`phone: the record action is on the first screen (its bottom at ${Math.round(first)} px of 844)`, first <= 844);
  let wide = await page.evaluate(tooWide);
  ok(`phone: nothing wider than the screen (page ${wide.scroll} px)${wide.out.length ? `: ${wide.out.slice(0, 4).join('; ')}` : ''}`, wide.scroll <= 390 && wide.out.length === 0);
  let v = await axe(page);
  ok(`phone: no axe violations on the first screen${v.length ? `: ${v.join('; ')}` : ''}`, v.length === 0);
  await shot(page, 'portal-phone-zh');

  const intake = page.locator('#intake');
  /** Records a case through the portal's form; `place` picks a place other than the one the form starts at. */
  const record = async (description, place, address) => {
    await page.click('#new-case');
    await page.waitForSelector('#new-case-dialog[open]');
    if (place) {
      const picker = intake.locator('jc-grid-tree[data-field="node"]');
      await picker.locator('input').first().fill(place.code);
      await picker.getByRole('treeitem', { name: new RegExp(place.name) }).last().click();
    }
    await intake.locator('[data-field="category"]').fill('消防');
    await intake.locator('[data-field="category"]').press('Enter');
    await intake.locator('[data-field="description"]').fill(description);
    if (address) await intake.locator('[data-field="address"]').fill(address);
    await intake.locator('input[data-field="urgency"][value="critical"]').check();
    await intake.locator('input[data-field="source"][value="patrol"]').check();
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/cases') && r.request().method() === 'POST');
    await intake.locator('button[type="submit"]').click();
    const res = await posted;
    const id = res.ok() ? (await res.json()).caseId : `HTTP ${res.status()} ${(await res.json()).error?.code}`;
    await page.waitForSelector(`#case-h:focus`);
    return id;
  };

  // at the grid: the form starts at the grid already chosen in the tree
  await page.click('#new-case');
  const startsAt = await intake.evaluate((f) => f.raw.node);
  await page.click('#close-dialog');
  ok(`phone: the form starts at the worker's grid (${startsAt})`, startsAt === PLACES.grid);
  // one clock: the dashboard's current period (the default, this year) counts what is recorded now
  const collected = () => page.evaluate(() => {
    const kpi = document.querySelector('#dashboard').shadowRoot.querySelector('jc-kpi');
    return Number(kpi.shadowRoot.querySelector('[part="value"]').textContent.replace(/[^0-9]/g, ''));
  });
  const before = await collected();
  const atGrid = await record('网格内消防通道被电动车堵塞，需清理');
  await page.waitForFunction((n) => Number(document.querySelector('#dashboard').shadowRoot.querySelector('jc-kpi').shadowRoot
    .querySelector('[part="value"]').textContent.replace(/[^0-9]/g, '')) > n, before, { timeout: 60_000 }).catch(() => {});
  const after = await collected();
  ok(`phone: the case recorded now is counted in the dashboard's current period (collected ${before} → ${after})`, after === before + 1);
  ok(`phone: recorded at the grid (${atGrid})`, /^JC-/.test(atGrid) && (await page.textContent('#case-h')).includes(atGrid));
  const note = await page.evaluate(() => { const r = document.querySelector('#case-note').getBoundingClientRect(); return { text: document.querySelector('#case-note').textContent, top: r.top, bottom: r.bottom }; });
  const heading = await page.evaluate(() => document.querySelector('#case-h').getBoundingClientRect());
  ok(`phone: the confirmation is where the worker is (“${note.text}”, the case's heading in view)`, note.text.includes(atGrid) && heading.top >= 0 && heading.bottom <= 844);

  // at a unit of the grid
  const unit = await page.evaluate((grid) => { const h = document.querySelector('#tree').hierarchy; const u = h.indexOf(grid) + 1; return { code: h.code(u), name: h.name(u) }; }, PLACES.grid);
  const description = `${unit.name}楼道堆放杂物，堵塞消防通道，${'住户反映多次未处理。'.repeat(12)}`;
  const address = `${unit.name}2单元楼道`;
  const atUnit = await record(description, unit, address);
  ok(`phone: recorded at a unit, ${unit.name} (${atUnit})`, /^JC-/.test(atUnit));

  // find it again after a reload: pick the unit in the tree; the list shows its cases
  await page.reload();
  await page.waitForSelector('body[data-ready][data-live="true"]');
  const tree = page.locator('#tree');
  await tree.locator('input').first().fill(unit.code);
  const listed = page.waitForResponse((r) => r.url().includes('/api/cases?') && r.url().includes(unit.code));
  await tree.getByRole('treeitem', { name: new RegExp(unit.name) }).last().click();
  await listed;
  const row = page.locator(`#case-list button[data-case="${atUnit}"]`);
  await row.waitFor();
  ok('phone: the case is found again under its unit in the tree', await row.count() === 1);
  await row.click();
  await page.waitForSelector('#case-h:focus');
  await page.waitForFunction((id) => document.querySelector('#case-file').shadowRoot?.textContent.includes(id), atUnit);
  const file = await page.evaluate(() => {
    const root = document.querySelector('#case-file').shadowRoot;
    const dd = (part) => root.querySelector(`[part="${part}"]`)?.textContent.trim();
    return { text: root.textContent, notes: [...root.querySelectorAll('[part~="note"]')].map((n) => n.textContent), urgency: dd('urgency'), address: dd('address') };
  });
  ok(`phone: the file shows the urgency and address the worker entered (${file.urgency}, ${file.address})`, file.urgency === '特急' && file.address === address);
  const listed2 = await page.evaluate((id) => document.querySelector(`#case-list button[data-case="${id}"]`)?.textContent ?? '', atUnit);
  ok('phone: the case list shows its urgency', listed2.includes('特急'));
  ok('phone: the file names the case, its place and its status, and shows the whole description once',
    file.text.includes(atUnit) && file.text.includes(unit.name) && file.notes.filter((n) => n === description).length === 1);
  await page.locator('#case-file').scrollIntoViewIfNeeded();
  wide = await page.evaluate(tooWide);
  ok(`phone: with the file open nothing is wider than the screen (page ${wide.scroll} px)${wide.out.length ? `: ${wide.out.slice(0, 4).join('; ')}` : ''}`, wide.scroll <= 390 && wide.out.length === 0);
  v = await axe(page);
  ok(`phone: no axe violations with the case file open${v.length ? `: ${v.join('; ')}` : ''}`, v.length === 0);
  await shot(page, 'portal-phone-file-zh');

  // the same first screen in English
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('#status').textContent.startsWith('Connected'));
  v = await axe(page);
  ok(`phone en: no axe violations${v.length ? `: ${v.join('; ')}` : ''}`, v.length === 0);
  await shot(page, 'portal-phone-en');
  await page.context().close();
}
