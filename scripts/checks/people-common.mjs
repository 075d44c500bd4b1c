// What the three people's walks share (people-phone, people-keyboard, people-wall, people-english):
// signing a browser context in as a person of the demo city, axe, and the page measurements each
// walk asserts. Everything waits for events or DOM states, never for a fixed time.
import { readFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The demo city's places the walks use (the generated Putian city; codes are stable). */
export const PLACES = { city: '350300000000', town: '350302001000', village: '350302001001', grid: '350302001001001' };

/** A token for a person of the demo city, from the development sign-in's API. */
export async function tokenFor(url, person) {
  const r = await fetch(new URL('/api/dev/token', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ person }) });
  if (!r.ok) throw new Error(`no token for ${person}: HTTP ${r.status}`);
  return (await r.json()).token;
}

/**
 * A new page signed in as `person`, in `lang`, at `viewport`; resolves once the portal is ready
 * and live. `view` is stored like the portal's own wall toggle.
 */
export async function personPage(browser, url, { person, lang = 'zh', viewport, view = '', watch }) {
  const token = await tokenFor(url, person);
  const ctx = await browser.newContext({ viewport });
  await ctx.addInitScript(([t, l, v]) => {
    if (sessionStorage.getItem('jiceng.e2e')) return; // only before the first load: the page's own choices count after it
    localStorage.setItem('jiceng.token', t);
    localStorage.setItem('jiceng.lang', l);
    localStorage.setItem('jiceng.view', v);
    sessionStorage.setItem('jiceng.e2e', '1');
  }, [token, lang, view]);
  const page = await ctx.newPage();
  watch?.(page);
  await page.goto(url);
  await ready(page);
  return page;
}

/** Waits for the portal to have loaded its data and joined the live feed, and the dashboard to show figures. */
export async function ready(page) {
  await page.waitForSelector('body[data-ready][data-live="true"]', { timeout: 90_000 });
  await page.waitForFunction(() => document.querySelector('#dashboard')?.shadowRoot?.querySelector('jc-kpi'), null, { timeout: 60_000 });
}

/** axe-core's violations on the page (every rule axe runs by default, WCAG 2.x A and AA included). */
export async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const r = await page.evaluate(async () => {
    const res = await window.axe.run(document, { resultTypes: ['violations'] });
    return res.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  return r;
}

/** Screenshot into dist/e2e/, and into docs/screenshots/ when UPDATE_SCREENSHOTS=1. */
export async function shot(page, name, opts = {}) {
  mkdirSync('dist/e2e', { recursive: true });
  await page.screenshot({ path: `dist/e2e/${name}.png`, ...opts });
  if (process.env.UPDATE_SCREENSHOTS) copyFileSync(`dist/e2e/${name}.png`, `docs/screenshots/${name}.png`);
}

/**
 * Runs in the page: the deepest focused element (through shadow roots), whether it is
 * <body>, and whether it shows a focus ring (an outline or a box-shadow).
 */
export function focusState() {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body) return { body: true, ring: false, what: 'body' };
  const cs = getComputedStyle(el);
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
  const shadow = cs.boxShadow && cs.boxShadow !== 'none';
  const r = el.getBoundingClientRect();
  const part = el.getAttribute('part');
  const what = `${el.localName}${el.id ? `#${el.id}` : ''}${el.dataset?.action ? `[${el.dataset.action}]` : ''}${part === 'submit' ? '[submit]' : ''}`;
  return { body: false, ring: Boolean(outline || shadow) && r.width > 0 && r.height > 0, what };
}

/**
 * Runs in the page: every visible text (light DOM and every open shadow root), with its
 * element, rendered font size in CSS pixels (SVG text scaled as drawn), and whether it is cut
 * (an element whose text overflows its box with `text-overflow: ellipsis` or hidden overflow), and
 * whether it is user text (a case's description or notes: `[part~=note]`, `[data-user-text]`).
 */
export function texts() {
  const out = [];
  const walk = (root) => {
    const tw = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = tw.currentNode; n; n = tw.nextNode()) {
      if (n.nodeType === 1) {
        if (n.shadowRoot) walk(n.shadowRoot);
        continue;
      }
      const text = n.textContent.trim();
      const el = n.parentElement;
      if (!text || !el || el.closest('script, style, title, option')) continue;
      const r = document.createRange();
      r.selectNodeContents(n);
      const box = r.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || Number(cs.opacity) === 0) continue;
      let size = parseFloat(cs.fontSize);
      const svg = el.closest('svg');
      if (svg) {
        const vb = svg.viewBox?.baseVal;
        if (vb && vb.width) size *= svg.getBoundingClientRect().width / vb.width;
      }
      // visually hidden text (for screen readers, clipped to a pixel) is not read from across the room
      const own = el.getBoundingClientRect();
      if (own.width <= 1 || own.height <= 1 || el.closest('.jc-visually-hidden, .visually-hidden')) continue;
      const cut = el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && (cs.textOverflow === 'ellipsis' || cs.overflowX === 'hidden' || cs.overflowX === 'clip');
      out.push({ text: text.slice(0, 40), user: Boolean(el.closest('[part~="note"], textarea, [data-user-text]')), other: Boolean(el.closest('[lang]:not(html)')?.lang.startsWith('zh')), tag: el.localName, cls: String(el.className?.baseVal ?? el.className ?? ''), size: Math.round(size * 10) / 10, cut });
    }
  };
  walk(document.body);
  return out;
}

/** Han characters (CJK Unified Ideographs, extension A and compatibility). */
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
