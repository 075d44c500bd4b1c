// Screenshots of <jc-dashboard> on a Putian-like page in light, dark and wall modes.
// Run: node --conditions=source --import tsx bench/dashboard/screenshots.ts
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Bundles the page into bench/.tmp/dashboard and returns the HTML file's URL. */
export async function buildPage(): Promise<string> {
  const dir = 'bench/.tmp/dashboard';
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: ['bench/dashboard/page.ts'], bundle: true, format: 'esm', minify: true, outfile: `${dir}/page.js`,
    conditions: ['source'], target: 'es2022', logLevel: 'error',
  });
  // inline the script: Chromium refuses module scripts from file:// URLs
  const js = readFileSync(`${dir}/page.js`, 'utf8').replace(/<\/script/gi, '<\\/script');
  writeFileSync(`${dir}/index.html`, `<!doctype html><meta charset="utf-8"><title>jc-dashboard</title><script type="module">${js}</script>`);
  return `file://${process.cwd()}/${dir}/index.html`;
}

async function main() {
  const url = await buildPage();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const shots: [string, string, number, number][] = [
    ['light', '?theme=light', 1280, 900],
    ['dark', '?theme=dark', 1280, 900],
    ['wall', '?mode=wall', 1920, 1080],
    ['phone', '?theme=light&suppressed=1', 390, 800],
    ['en', '?theme=light&lang=en', 1280, 900],
  ];
  for (const [name, query, width, height] of shots) {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    page.on('pageerror', (e) => console.error(name, e.message));
    await page.goto(url + query);
    await page.waitForFunction(() => {
      const el = document.querySelector('jc-dashboard');
      return !!el?.shadowRoot?.querySelector('jc-trend')?.shadowRoot?.querySelector('svg');
    });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: `docs/screenshots/dashboard-${name}.png`, fullPage: true });
    await page.close();
    console.log(`docs/screenshots/dashboard-${name}.png`);
  }
  await browser.close();
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
