// The city leader at a wall screen (1920×1080), in Chinese and in English: the portal's wall
// mode (大屏), turned on with its own button, shows the city's figures with no scrollbar, no text
// under 18 px and no name cut short; the running year's figures say they are compared with the
// same span of last year; axe finds nothing.
import { PLACES, personPage, axe, shot, texts } from './people-common.mjs';

export default async function wallWalk({ browser, url, ok, watch }) {
  for (const lang of ['zh', 'en']) {
    const page = await personPage(browser, url, { person: `ci1-${PLACES.city}`, lang, viewport: { width: 1920, height: 1080 }, watch });
    await page.click('#wall');
    await page.waitForSelector('body.wall #dashboard[mode="wall"]');
    // the dashboard lays itself out for its new width and type size (a ResizeObserver): wait until the trend is redrawn in the wall's type
    await page.waitForFunction(() => {
      const d = document.querySelector('#dashboard');
      const svg = d.shadowRoot.querySelector('jc-trend')?.shadowRoot?.querySelector('svg');
      return svg && parseFloat(getComputedStyle(d.shadowRoot.querySelector('jc-kpi')).fontSize) >= 18 && parseFloat(getComputedStyle(svg).fontSize) >= 18;
    });
    const m = await page.evaluate(() => ({
      w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight, iw: innerWidth, ih: innerHeight,
    }));
    ok(`wall ${lang}: no scrollbar at 1920×1080 (page ${m.w}×${m.h})`, m.w <= m.iw && m.h <= m.ih);
    // the running year is compared with the same span of last year, and says so
    const span = await page.evaluate(() => document.querySelector('#dashboard').shadowRoot.querySelector('[part=span]')?.textContent ?? '');
    ok(`wall ${lang}: the figures say what they are compared with ("${span}")`,
      lang === 'zh' ? /^与上年同期比（截至 01-01 \d\d:\d\d）$/.test(span) : /^vs\. the same span last year \(to 01-01 \d\d:\d\d\)$/.test(span));
    const all = await page.evaluate(texts);
    const small = all.filter((t) => t.size < 18);
    ok(`wall ${lang}: smallest text ${Math.min(...all.map((t) => t.size))} px (≥ 18)${small.length ? `: ${small.slice(0, 5).map((t) => `"${t.text}" ${t.tag}.${t.cls} ${t.size}px`).join('; ')}` : ''}`, small.length === 0);
    const cut = all.filter((t) => t.cut);
    ok(`wall ${lang}: no name cut short${cut.length ? `: ${cut.slice(0, 5).map((t) => t.text).join('; ')}` : ''}`, cut.length === 0);
    const v = await axe(page);
    ok(`wall ${lang}: no axe violations${v.length ? `: ${v.join('; ')}` : ''}`, v.length === 0);
    await shot(page, `portal-wall-${lang}`);
    await page.context().close();
  }
}
