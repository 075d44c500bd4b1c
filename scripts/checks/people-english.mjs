// lang=en: no Han character in any label, button, option or message of the portal and its
// elements, on each person's screen — the grid worker's phone with the record form open, the
// town officer's desk with a case and its file, the city leader's wall.
// Place names are English (pinyin) forms. What users typed (a case's description and notes)
// is theirs and stays as typed. Screenshots of the officer's screen in both languages.
import { PLACES, personPage, axe, shot, texts, HAN } from './people-common.mjs';

/** Runs in the page: strings a user reads that are not user text — text, attributes that label, options. */
function labels() {
  const out = [];
  const attrs = ['aria-label', 'placeholder', 'title', 'alt', 'aria-roledescription', 'aria-valuetext'];
  const user = (el) => el.closest('[part~="note"], textarea, [data-user-text]');
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) walk(el.shadowRoot);
      for (const a of attrs) if (el.hasAttribute(a)) out.push({ where: `${el.localName}[${a}]`, text: el.getAttribute(a) });
      if (el.localName === 'option') out.push({ where: 'option', text: el.textContent });
      if (el.localName === 'input' && ['button', 'submit'].includes(el.type)) out.push({ where: 'input', text: el.value });
    }
  };
  walk(document);
  return { attrs: out, user };
}

export default async function englishWalk({ browser, url, ok, watch, texts: collect = texts }) {
  const han = async (page, who) => {
    const { attrs } = await page.evaluate(labels);
    const shown = (await page.evaluate(collect)).filter((t) => !t.user && !t.other); // user text, and text marked as Chinese (the language switch's own name)
    const found = [...shown.map((t) => ({ where: `${t.tag}.${t.cls.split(' ')[0]}`, text: t.text })), ...attrs].filter((t) => HAN.test(t.text));
    ok(`english ${who}: no Han character in a label, button, option or message${found.length ? `: ${found.slice(0, 8).map((f) => `${f.where} “${f.text.slice(0, 30)}”`).join('; ')}` : ''}`, found.length === 0);
  };

  // the grid worker, on a phone, with the record form open
  let page = await personPage(browser, url, { person: `gw-${PLACES.grid}`, lang: 'en', viewport: { width: 390, height: 844 }, watch });
  await han(page, 'phone');
  await page.click('#new-case');
  await page.waitForSelector('#new-case-dialog[open]');
  await page.locator('#intake button[type="submit"]').click(); // every field's message, in English
  await page.locator('#intake').locator('[role="alert"]').first().waitFor();
  await han(page, 'phone, the record form with its messages');
  await page.context().close();

  // the town officer at a desk: a case, its file, the dispatch panel, a refusal
  for (const lang of ['en', 'zh']) {
    page = await personPage(browser, url, { person: `to1-${PLACES.town}`, lang, viewport: { width: 1440, height: 900 }, watch });
    const row = page.locator('#case-list button[data-case]').first();
    await row.click();
    await page.waitForSelector('#case-h:focus');
    await page.waitForFunction(() => document.querySelector('#case-file').shadowRoot?.querySelector('[part~="timeline"]'));
    if (lang === 'en') await han(page, 'officer, a case and its file');
    const v = await axe(page);
    ok(`officer ${lang}: no axe violations with a case open${v.length ? `: ${v.join('; ')}` : ''}`, v.length === 0);
    await shot(page, `portal-officer-${lang}`);
    await page.context().close();
  }

  // the city leader's wall
  page = await personPage(browser, url, { person: `ci1-${PLACES.city}`, lang: 'en', viewport: { width: 1920, height: 1080 }, view: 'wall', watch });
  await page.waitForSelector('#dashboard[mode="wall"]');
  await han(page, 'wall');
  await page.context().close();
}
