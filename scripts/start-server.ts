// The demo server: Putian on embedded PGlite (./.jiceng-data), the API, the development
// sign-in and the demo portal's static files, on http://127.0.0.1:4173 (JICENG_PORT/PORT).
// First start: builds the city and loads its generated history into the data directory;
// later starts: the record from its snapshot plus what came after. JICENG_DEMO_CASES scales
// the history down (e.g. 20000 for CI's end-to-end test).
import { loadConfig, open311KeyHash, startServer, type Open311Options } from '@jiceng/server';

// The whole city always; the history by default a sample of 20,000 of the 533,500 cases, because
// loading all 4.6 M events into embedded PGlite takes many minutes on a small machine
// (JICENG_DEMO_CASES=533500 loads the full record once; later starts reuse it).
const DEFAULT_DEMO_CASES = '20000';
const config = loadConfig({ JICENG_DEMO: '1', JICENG_DEV_SIGNIN: '1', JICENG_DEMO_CASES: DEFAULT_DEMO_CASES, ...process.env });
if (!process.env.JICENG_DEMO_CASES) {
  console.log(`  the demo history: a sample of ${Number(DEFAULT_DEMO_CASES).toLocaleString('en')} of the 533,500 cases (JICENG_DEMO_CASES=533500 for the full record)`);
}
// Open311 GeoReport v2 with a development client key (source citizen, the Putian jurisdiction);
// its map is the demo's generated Putian geometry (startServer builds it from the city's data on
// the first report that gives coordinates).
const devKey = process.env.JICENG_OPEN311_KEY;
const open311: Omit<Open311Options, 'store'> | undefined = devKey ? {
  jurisdictions: [{ id: 'putian', node: '350300000000' }],
  keys: [{ application: 'dev', sha256: open311KeyHash(devKey), source: 'citizen', jurisdiction: 'putian' }],
} : undefined;
const t0 = performance.now();
const s = await startServer(config, {
  ...(open311 ? { open311 } : {}),
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
  Open311 (v2)    ${open311 ? `${s.url}open311/v2/discovery.json (key from JICENG_OPEN311_KEY: source citizen, jurisdiction putian)` : 'off: set JICENG_OPEN311_KEY to a development client key'}
  data            ${config.databaseUrl ? 'PostgreSQL' : config.dataDir}
Press Ctrl+C to stop.`);
const stop = async () => {
  await s.record.saveSnapshot().catch(() => undefined);
  // not s.close(): the portals' open live feeds would keep the HTTP server's close waiting for ever
  s.record.close();
  await s.store.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
