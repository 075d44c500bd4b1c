// The town officer, keyboard only (1440×900): from page load to a case dispatched, accepted and
// handled (by a village officer: the officer takes over in place, by keyboard), verified,
// followed up and closed (the town officer again: separation of duties wants the verifier
// outside the handling body, and follow-up and close by someone other than the handler —
// packages/core/src/cases/separation.ts). Every key press is counted; after each one the
// focus is somewhere (never <body>) and shows a ring; at most 120 presses in all.
import { PLACES, tokenFor, personPage, focusState, axe } from './people-common.mjs';

const LIMIT = 120;
const TOWN_OFFICER = `to1-${PLACES.town}`;
const VILLAGE_OFFICER = `vi1-${PLACES.village}`;

/** Records and registers a case at a unit of the grid through the API (the walk starts at a registered case). */
async function registeredCase(url) {
  const call = async (token, path, body) => {
    const r = await fetch(new URL(path, url), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ commandId: crypto.randomUUID(), command: body }) });
    const j = await r.json();
    if (!r.ok) throw new Error(`${path}: ${j.error?.code} ${j.error?.en}`);
    return j;
  };
  const unit = await (await fetch(new URL(`/api/hierarchy/nodes/${PLACES.grid}/children`, url), { headers: { authorization: `Bearer ${await tokenFor(url, `gw-${PLACES.grid}`)}` } })).json();
  const gw = await tokenFor(url, `gw-${PLACES.grid}`);
  const { caseId } = await call(gw, '/api/cases', { type: 'discover', node: unit[0].code, source: 'patrol', description: '楼道堆放杂物，堵塞消防通道' });
  const to = await tokenFor(url, TOWN_OFFICER);
  await call(to, `/api/cases/${caseId}/commands`, { type: 'register', caseId, expectedVersion: 1, category: 'safety.fire', urgency: 'urgent', description: '楼道堆放杂物，堵塞消防通道' });
  return caseId;
}

export default async function keyboardWalk({ browser, url, ok, watch }) {
  const caseId = await registeredCase(url);
  const page = await personPage(browser, url, { person: TOWN_OFFICER, lang: 'zh', viewport: { width: 1440, height: 900 }, watch });
  const violations = await axe(page);
  ok(`keyboard: the officer's page has no axe violations${violations.length ? `: ${violations.join('; ')}` : ''}`, violations.length === 0);

  let presses = 0;
  const lapses = [];
  /** Presses one key (counted) and, once `settled` holds, checks where the focus is. */
  const press = async (key, settled) => {
    presses++;
    await page.keyboard.press(key);
    if (settled) await settled();
    const f = await page.evaluate(focusState);
    if (f.body || !f.ring) lapses.push(`${presses}. ${key} → ${f.what}${f.ring ? '' : ' (no ring)'}`);
    return f;
  };
  const type = async (text) => { for (const ch of text) await press(ch); };
  /** Tabs until the focused element matches `want` (at most `max` presses). */
  const tabTo = async (want, max = 20) => {
    for (let i = 0; i < max; i++) {
      const f = await press('Tab');
      if (want(f)) return f;
    }
    throw new Error(`keyboard: ${max} Tabs did not reach ${want}`);
  };
  const status = (s) => () => page.waitForSelector(`#case-h[data-status="${s}"]:focus`);
  /** Opens an action by keyboard, fills it, submits it and waits for the case's new status (focus on the result). */
  const act = async (action, fill, next) => {
    await tabTo((f) => f.what.endsWith(`[${action}]`));
    await press('Enter', () => page.waitForSelector(`#actions >> #panel-${action}`));
    await fill();
    if (!(await page.evaluate(focusState)).what.endsWith('[submit]')) await tabTo((f) => f.what.endsWith('[submit]'), 12);
    const sent = page.waitForResponse((r) => r.url().includes(`/api/cases/${caseId}/commands`));
    await press('Enter', async () => { await sent; await status(next)(); });
    ok(`keyboard: ${action} by keyboard → ${next} (${presses} presses so far)`, true);
  };
  const switchTo = async (person) => {
    await tabTo((f) => f.what === 'select#person');
    const options = await page.$$eval('#person option', (os) => os.map((o) => o.value));
    const from = options.indexOf(await page.$eval('#person', (s) => s.value));
    const to = options.indexOf(person);
    if (to < 0) throw new Error(`keyboard: ${person} is not offered`);
    for (let i = 0; i < Math.abs(to - from); i++) await press(to > from ? 'ArrowDown' : 'ArrowUp');
    await tabTo((f) => f.what === 'button#person-go', 2);
    await press('Enter', () => page.waitForSelector(`body[data-actor="${person}"] #case-h:focus`));
    ok(`keyboard: switched to ${person} by keyboard (${presses} presses so far)`, true);
  };

  try {
    await press('Tab');
    await press('Enter', () => page.waitForSelector('#cases-h:focus'));
    const row = await tabTo((f) => f.what === 'button' && f.ring, 3);
    // the list is one tab stop; arrow keys move to the case
    for (let i = 0; i < 30 && !(await page.evaluate((id) => document.activeElement?.dataset.case === id, caseId)); i++) await press('ArrowDown');
    ok(`keyboard: the case list is one tab stop and arrow keys reach ${caseId}`, row && await page.evaluate((id) => document.activeElement?.dataset.case === id, caseId));
    await press('Enter', status('registered'));
    await act('dispatch', async () => {
      // the likely target (the village, where this category is handled) is already chosen
      const chosen = await page.evaluate(() => document.querySelector('#actions').shadowRoot.querySelector('#panel-dispatch output')?.textContent ?? '');
      ok(`keyboard: dispatch starts at the likely target, named by place (${chosen})`, chosen.includes('金悦社区'));
    }, 'dispatched');
    await switchTo(VILLAGE_OFFICER);
    await act('accept', async () => {}, 'handling');
    await act('reportHandled', () => type('OK'), 'handled');
    await switchTo(TOWN_OFFICER);
    await act('verify', async () => { await press(' '); await press('Tab'); await type('OK'); }, 'verified');
    await act('followUp', async () => { await press('ArrowLeft'); await press('Tab'); await press('Tab'); await type('OK'); }, 'followup');
    await act('close', () => type('OK'), 'closed');
    await page.screenshot({ path: 'dist/e2e/keyboard-closed.png' });
  } catch (e) {
    await page.screenshot({ path: 'dist/e2e/failed-keyboard.png' }).catch(() => {});
    ok(`keyboard: the walk ran to the end (${String(e.message).split('\n')[0]}; ${presses} presses)`, false);
  }
  ok(`keyboard: focus never on <body> and a visible ring after every press${lapses.length ? `: ${lapses.slice(0, 6).join('; ')}` : ''}`, lapses.length === 0);
  ok(`keyboard: dispatch to close in ${presses} key presses (at most ${LIMIT})`, presses <= LIMIT && await page.locator('#case-h[data-status="closed"]').count() === 1);
  await page.context().close();
}
