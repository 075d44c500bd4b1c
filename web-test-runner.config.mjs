// Browser tests run in Debian's Chromium (never a downloaded one), TypeScript via esbuild.
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS } from './scripts/checks/browser.mjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';

/** papaparse (the core's CSV parser) ships a UMD file only: serve it as an ES module. */
const papaparseAsModule = {
  name: 'papaparse-as-module',
  transform(context) {
    if (/\/papaparse\/papaparse(\.min)?\.js$/.test(context.path)) {
      return { body: `const module = { exports: {} }; const exports = module.exports;\n${context.body}\nexport default module.exports;\n` };
    }
  },
};
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const files = process.env.WTR_FILES ?? 'packages/*/test/**/*.browser.test.ts';

/** Prints a bare `N passed, N failed` line last so any CI log reader can count. */
function countReporter() {
  let passed = 0, failed = 0, skipped = 0;
  const walk = (r) => {
    if (!r) return;
    for (const t of r.tests ?? []) { if (t.skipped) skipped++; else if (t.passed) passed++; else failed++; }
    for (const s of r.suites ?? []) walk(s);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const s of sessions) {
        walk(s.testResults);
        if (!s.passed && (!s.testResults || (s.testResults.tests.length === 0 && s.testResults.suites.length === 0))) failed++;
      }
    },
    async stop() { console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : '')); },
  };
}

export default {
  files,
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  // One test file at a time: a background page gets no animation frames, and the tree's
  // tests wait for frames.
  concurrency: 1,
  testsFinishTimeout: 240000,
  testFramework: { config: { timeout: 20000 } },
  browserStartTimeout: 60000,
  plugins: [papaparseAsModule, esbuildPlugin({ ts: true, tsconfig: 'tsconfig.base.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          ...CHROMIUM_ARGS,
          '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows',
          `--user-data-dir=${mkdtempSync(join(tmpdir(), 'jc-chrome-'))}`,
        ],
      },
    }),
  ],
  // immer reads process.env.NODE_ENV; the drop-in bundles replace it at build time, test
  // pages (served from source) get this stub.
  testRunnerHtml: (testFramework) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
    <script>window.process = { env: { NODE_ENV: 'development' } };</script></head><body>
    <script type="module" src="${testFramework}"></script></body></html>`,
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
