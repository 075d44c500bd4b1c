// Opens every story of a built Storybook in Chromium and reports the ones that throw, show
// Storybook's error display or render nothing. Each story is judged when Storybook's preview
// says it is done (its `storyFinished`, `storyMissing`, `storyErrored` or
// `storyThrewException` event), never after a fixed pause: a busy machine only makes it slower.

/** Runs in the page before Storybook: records the first end-of-story event on `window.__jcStoryEnd`. */
function listenForStoryEnd() {
  const ends = ['storyFinished', 'storyMissing', 'storyErrored', 'storyThrewException'];
  let channel;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(next) {
      channel = next;
      for (const name of ends) next?.on?.(name, (detail) => { globalThis.__jcStoryEnd ??= { name, status: detail?.status }; });
    },
  });
}

/** How long one story may take to report its end on a loaded machine (a hang, not slowness, fails it). */
const STORY_TIMEOUT = 180_000;
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, serveDir } from './browser.mjs';

/** @returns {Promise<{ total: number, bad: string[] }>} */
export async function checkStories(root) {
  const { url, server } = await serveDir(root);
  const base = url.replace(/\/$/, '');
  const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
  const browser = await launchChromium();
  const bad = [];
  let total = 0;
  try {
    const page = await browser.newPage();
    await page.addInitScript(listenForStoryEnd);
    for (const e of Object.values(index.entries)) {
      if (e.type !== 'story') continue;
      total++;
      const errors = [];
      const onErr = (x) => errors.push(String(x.message ?? x));
      page.on('pageerror', onErr);
      await page.goto(`${base}/iframe.html?id=${e.id}&viewMode=story`);
      let end = null;
      try {
        end = await (await page.waitForFunction(() => globalThis.__jcStoryEnd, null, { timeout: STORY_TIMEOUT })).jsonValue();
      } catch {
        errors.push(`no end-of-story event within ${STORY_TIMEOUT / 1000} s`);
      }
      if (end && (end.name !== 'storyFinished' || end.status === 'error')) errors.push(`${end.name}${end.status ? ` (${end.status})` : ''}`);
      const shown = await page.evaluate(() => document.querySelector('#storybook-root')?.innerHTML.length ?? 0);
      const sbErr = await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'));
      page.off('pageerror', onErr);
      if (errors.length || sbErr || shown === 0) bad.push(`${e.id}: ${errors.join(' | ').slice(0, 200) || 'nothing rendered'}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  return { total, bad };
}
