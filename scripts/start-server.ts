// The demo server: Putian on embedded PGlite (./.jiceng-data), the API, the development
// sign-in and the demo portal's static files, on http://127.0.0.1:4173 (JICENG_PORT/PORT).
// First start: builds the city and loads its generated history into the data directory;
// later starts: the record from its snapshot plus what came after. JICENG_DEMO_CASES scales
// the history down (e.g. 20000 for CI's end-to-end test).
import { loadConfig, startServer } from '@jiceng/server';

// The whole city always; the history by default a sample of 20,000 of the 533,500 cases, because
// loading all 4.6 M events into embedded PGlite takes many minutes on a small machine
// (JICENG_DEMO_CASES=533500 loads the full record once; later starts reuse it).
const DEFAULT_DEMO_CASES = '20000';
const config = loadConfig({ JICENG_DEMO: '1', JICENG_DEV_SIGNIN: '1', JICENG_DEMO_CASES: DEFAULT_DEMO_CASES, ...process.env });
if (!process.env.JICENG_DEMO_CASES) {
  console.log(`  the demo history: a sample of ${Number(DEFAULT_DEMO_CASES).toLocaleString('en')} of the 533,500 cases (JICENG_DEMO_CASES=533500 for the full record)`);
}
const t0 = performance.now();
const s = await startServer(config, {
  // the portal imports the typed client from /client/client.js (type imports only: no dependencies)
  staticMounts: [['/bundle/', 'dist/bundle'], ['/client/', 'packages/server/dist'], ['/', 'examples/portal']],
  quiet: true,
  onStep: (step, ms) => console.log(`  ${step}: ${(ms / 1000).toFixed(1)} s`),
});
const secs = ((performance.now() - t0) / 1000).toFixed(1);
console.log(`
Jiceng demo (莆田市, ${s.record.hierarchy.size.toLocaleString('en')} nodes, ${s.record.cases.size.toLocaleString('en')} cases, ${s.record.position.toLocaleString('en')} events) ready in ${secs} s
  portal          ${s.url}
  sign in (dev)   ${s.url}dev/signin
  API             ${s.url}api/…
  OpenAPI 3.1     ${s.url}api/openapi.json
  API reference   ${s.url}api/reference
  data            ${config.databaseUrl ? 'PostgreSQL' : config.dataDir}
Press Ctrl+C to stop.`);
const stop = async () => {
  await s.record.saveSnapshot().catch(() => undefined);
  // not s.close(): the portals' open live feeds would keep the HTTP server's close waiting for ever
  s.record.close();
  await s.store.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
