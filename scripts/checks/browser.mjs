// What the browser checks share: Debian's Chromium launched as this machine needs it
// (root, headless, no background networking), and a static server for a built folder.
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { serve } from '../serve.mjs';

/** Chromium's flags for root, headless, on a machine without outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Launches Debian's Chromium (or CHROME_PATH); never a downloaded browser. */
export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Serves one folder on a free loopback port: `{ url, server }`. */
export function serveDir(dir) {
  return serve(0, '127.0.0.1', [['/', resolve(dir)]]);
}
