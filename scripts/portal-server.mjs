// The demo portal on the API: @jiceng/server (built by `tsc -b`) on embedded PGlite with the
// Putian city, the development sign-in on, and the portal's static files beside the API:
// examples/portal at /, the drop-in bundles at /bundle/, the typed client at /client/.
// Used by `pnpm start` and by the end-to-end check (which passes a small demo scale).
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** The portal's static mounts (URL prefix → folder, relative to the repository root). */
export const PORTAL_MOUNTS = [
  ['/bundle/', 'dist/bundle'],
  ['/client/', 'packages/server/dist'],
  ['/', 'examples/portal'],
];

/**
 * Starts the server with the portal. `env` adds to the environment the server reads
 * (JICENG_DATA_DIR, JICENG_DEMO_CASES, JICENG_PORT…); the demo and the dev sign-in are on.
 */
export async function startPortal(env = {}, opts = {}) {
  const { startServer, loadConfig } = await import(resolve(root, 'packages/server/dist/index.js'));
  const config = loadConfig({ ...process.env, JICENG_DEMO: '1', JICENG_DEV_SIGNIN: '1', ...env });
  process.chdir(root); // the static mounts are relative to the repository root
  return startServer(config, { staticMounts: PORTAL_MOUNTS, ...opts });
}

/**
 * Stops on SIGINT/SIGTERM: the store is closed cleanly (open live feeds would keep the HTTP
 * server's close waiting for ever, so the process ends once the record is safe).
 */
export function stopOnSignal(s) {
  const stop = async () => {
    s.record.close();
    await s.store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// `node scripts/portal-server.mjs` starts it alone and prints `listening <url>` (the e2e check
// runs it as a child process so it can stop and restart it).
if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await startPortal({}, { quiet: true });
  stopOnSignal(s);
  console.log(`listening ${s.url}`);
}
