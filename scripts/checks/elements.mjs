// What editors and frameworks see of the elements: the Custom Elements Manifest of every
// component package (regenerated; the committed one must be current and name every tag and
// its events), and the React 19 and Vue 3 examples, type-checked against the typings
// (strictly: their @ts-expect-error lines must fail), built, and run in Chromium, where a
// click in the tree must reach the framework's jc-select handler.
import { readFileSync, existsSync, mkdtempSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, serveDir } from './browser.mjs';
import { sortManifest } from '../cem.mjs';

const PACKAGES = {
  'grid-tree': { 'jc-grid-tree': ['jc-select', 'jc-expand', 'jc-search'] },
  'case-form': { 'jc-case-intake': ['jc-submit'], 'jc-case-actions': ['jc-command'], 'jc-case-file': [], 'jc-combobox': ['jc-change'] },
  engagement: { 'jc-service-board': ['jc-command'], 'jc-ledger': [] },
  dashboard: {
    'jc-dashboard': ['jc-select', 'jc-period', 'jc-topic'], 'jc-kpi': [], 'jc-trend': [],
    'jc-breakdown': ['jc-category'], 'jc-ranking': ['jc-select'],
  },
  alerts: { 'jc-alerts': ['jc-command'], 'jc-dispatch-board': ['jc-command'] },
  map: { 'jc-map': ['jc-select', 'jc-layer'] },
};

export default async function ({ run }) {
  const results = [];
  for (const [pkg, tags] of Object.entries(PACKAGES)) {
    // Analyse a copy of the package's sources, so the check writes nothing into the tree.
    const out = mkdtempSync(join(tmpdir(), 'cem-'));
    cpSync(`packages/${pkg}/src`, join(out, 'src'), { recursive: true });
    writeFileSync(join(out, 'package.json'), '{}');
    const r = run(join(process.cwd(), 'node_modules/.bin/cem'), ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--outdir', '.', '--quiet'], { cwd: out });
    const fresh = existsSync(join(out, 'custom-elements.json')) ? sortManifest(readFileSync(join(out, 'custom-elements.json'), 'utf8')) : '';
    const committed = existsSync(`packages/${pkg}/custom-elements.json`) ? readFileSync(`packages/${pkg}/custom-elements.json`, 'utf8') : '';
    results.push([`@jiceng/${pkg}: custom-elements.json is current (node scripts/cem.mjs)`, r.status === 0 && fresh !== '' && fresh === committed]);
    const decls = fresh ? JSON.parse(fresh).modules.flatMap((m) => m.declarations ?? []) : [];
    for (const [tag, events] of Object.entries(tags)) {
      const d = decls.find((x) => x.tagName === tag);
      const names = new Set((d?.events ?? []).map((e) => e.name));
      results.push([`the manifest describes <${tag}>${events.length ? ` and its ${events.join(', ')}` : ''}`, Boolean(d) && events.every((e) => names.has(e))]);
    }
  }
  for (const ex of ['react', 'vue']) {
    const tsc = run('node_modules/.bin/tsc', ['-p', `examples/${ex}/tsconfig.json`]);
    results.push([`the ${ex} example type-checks against the typings`, tsc.status === 0]);
    const b = run(process.execPath, [`examples/${ex}/build.mjs`]);
    results.push([`the ${ex} example builds`, b.status === 0]);
    if (b.status === 0) results.push([`the ${ex} page renders the tree and handles jc-select`, await runsInChromium(`examples/${ex}`)]);
  }
  return results;
}

async function runsInChromium(dir) {
  const { url, server } = await serveDir(dir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForSelector('body[data-ready]', { timeout: 60_000 });
    const before = await page.textContent('#selected');
    await page.locator('jc-grid-tree').getByRole('treeitem', { name: /荔城区/ }).first().click();
    await page.waitForFunction((b) => document.querySelector('#selected')?.textContent !== b, before, { timeout: 60_000 });
    const after = await page.textContent('#selected');
    if (errors.length) console.log(errors.join('\n'));
    return before === '莆田市' && after === '荔城区' && errors.length === 0;
  } catch (e) {
    console.log(`${dir}: ${e.message}`);
    return false;
  } finally {
    await browser.close();
    server.close();
  }
}
