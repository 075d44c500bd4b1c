// Opens every story of a built Storybook in Chromium and reports the ones that throw, show
// Storybook's error display or render nothing.
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
    for (const e of Object.values(index.entries)) {
      if (e.type !== 'story') continue;
      total++;
      const errors = [];
      const onErr = (x) => errors.push(String(x.message ?? x));
      page.on('pageerror', onErr);
      await page.goto(`${base}/iframe.html?id=${e.id}&viewMode=story`);
      await page.waitForTimeout(300);
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
