// Browser tests run in Debian's Chromium (never a downloaded one), TypeScript via esbuild.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
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
  concurrency: 2,
  testsFinishTimeout: 240000,
  testFramework: { config: { timeout: 20000 } },
  browserStartTimeout: 60000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.base.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync',
          `--user-data-dir=${mkdtempSync(join(tmpdir(), 'jc-chrome-'))}`,
        ],
      },
    }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>
    <script type="module" src="${testFramework}"></script></body></html>`,
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
