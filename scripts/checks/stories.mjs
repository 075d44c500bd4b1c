// Opens every story of a built Storybook in Chromium and reports the ones that throw, show
// Storybook's error display or render nothing.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** @returns {Promise<{ total: number, bad: string[] }>} */
export async function checkStories(root) {
  const server = createServer((req, res) => {
    let p = join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (existsSync(p) && statSync(p).isDirectory()) p = join(p, 'index.html');
    if (!p.startsWith(root) || !existsSync(p)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': types[extname(p)] ?? 'application/octet-stream' });
    res.end(readFileSync(p));
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
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
