/**
 * Starts the server on Node: opens the store (PGlite or PostgreSQL), loads the demo city if
 * asked, folds the record, serves the API (and, for the demo, the portal's static files).
 * @module
 */
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { pino } from 'pino';
import { openStore, type EventStore } from '@jiceng/store';
import { generatePutianGeometry } from '@jiceng/putian';
import { createApp } from './app.js';
import { keysFromConfig, loadOrCreateKeys, type AuthConfig } from './auth.js';
import type { ServerConfig } from './config.js';
import { demoClock, putianDemo, seedDemo } from './demo.js';
import { LiveRecord, type CitySetup } from './record.js';
import type { Open311Options } from './routes/open311.js';
import type { Open311Geometry } from './open311/locate.js';
import type { AreaGeometry, NodeGeometry, PointGeometry } from '@jiceng/core/geo';
import { need } from '@jiceng/core/errors';

/** Events folded past the last snapshot that make a start save a new one. */
const SNAPSHOT_EVERY = 100_000;

/**
 * A running server.
 *
 * @example
 * ```ts
 * const s = await startServer(loadConfig());
 * console.log(s.url);
 * await s.close();
 * ```
 */
export interface RunningServer {
  url: string;
  store: EventStore;
  record: LiveRecord;
  /** How long each start-up step took, ms. */
  timings: Record<string, number>;
  close(): Promise<void>;
}

/**
 * Starts a server. Without `city`, `config.demo` must be set (the Putian demo).
 * `staticMounts` serves folders beside the API (URL prefix → folder).
 *
 * `geometry` is the city's map: what `importGeoJson` or `importTopoJson` of `@jiceng/core/geo`
 * returns (areas and unit points by node code, WGS-84), an {@link Open311Geometry} (areas and
 * units in a declared `crs`), or a function that makes one on first use. It is served to the
 * portal's map (`GET /api/geometry/nodes/{code}`) and used by Open311 to place reports by
 * coordinates (in place of `open311.geometry`). Default: `open311.geometry`, else the
 * demo's generated Putian map with the demo; a city with neither has no map (the map route
 * answers `E_NO_MAP`).
 *
 * @example
 * ```ts
 * const s = await startServer({ ...loadConfig(), demo: true, devSignin: true }, { staticMounts: [['/', 'examples/portal']] });
 * ```
 *
 * @example A city of its own with its map imported from TopoJSON
 * ```ts
 * import { importTopoJson } from '@jiceng/core/geo';
 * const map = importTopoJson(readFileSync('grids.topojson', 'utf8'), city.hierarchy, { crs: 'CGCS2000', object: 'grids' });
 * if (!map.ok) throw new Error(map.errors.map((e) => e.en).join('\n'));
 * const s = await startServer(loadConfig(), { city, geometry: map.value });
 * ```
 */
export async function startServer(
  config: ServerConfig,
  opts: {
    city?: CitySetup; staticMounts?: [string, string][]; onStep?: (step: string, ms: number) => void; quiet?: boolean;
    /** Serve Open311 GeoReport v2 (the store is the server's own; with the Putian demo and no `geometry`, the demo's generated map). */
    open311?: Omit<Open311Options, 'store'>;
    /** The city's map: an import's result (areas and unit points by code, WGS-84), an {@link Open311Geometry}, or a function making one on first use. */
    geometry?: ReadonlyMap<string, NodeGeometry> | Open311Geometry | (() => Open311Geometry);
  } = {},
): Promise<RunningServer> {
  if (opts.geometry !== undefined && typeof opts.geometry !== 'function' && !(opts.geometry instanceof Map)) need('startServer', 'opts.geometry', opts.geometry, 'object', { areas: 'object' });
  const log = pino({ level: opts.quiet ? 'warn' : 'info', base: undefined });
  const timings: Record<string, number> = {};
  const step = async <T>(name: string, f: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    const v = await f();
    timings[name] = Math.round(performance.now() - t0);
    opts.onStep?.(name, timings[name]);
    return v;
  };
  const store = await step('open store', () => openStore(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir }));
  let city = opts.city;
  const open311 = opts.open311;
  let geometry: Open311Geometry | (() => Open311Geometry) | undefined = opts.geometry instanceof Map ? splitGeometry(opts.geometry) : opts.geometry as Open311Geometry | (() => Open311Geometry) | undefined;
  if (!city) {
    if (!config.demo) throw new Error('no city: pass one, or set JICENG_DEMO=1 for the Putian demo');
    const demo = await step('build the city', () => putianDemo(config.demoCases ? { cases: config.demoCases } : {}));
    city = demo.city;
    // The demo's map: the generated Putian geometry of the data just built, made on the first
    // request that needs it (the portal's map, or an Open311 report that gives coordinates;
    // about a second, once for both), unless the host passed one (here or to Open311).
    const data = demo.data;
    geometry ??= open311?.geometry ?? (() => { const g = generatePutianGeometry(data); return { areas: g.areas, units: g.units }; });
    const loaded = await step('load the history (first start only)', () => seedDemo(store, demo, (p) => log.info({ lines: p.lines }, 'loading the demo history')));
    timings.eventsLoaded = loaded;
  }
  const record = await step('fold the record', () => LiveRecord.open(store, city, { onProgress: (n) => { if (n % 500_000 < 20_000) log.info({ events: n }, 'folding'); } }));
  // one clock: the demo's time runs on from the last thing recorded (the history's last event,
  // or what came after it before a restart) — never behind it, or recorded cases would lie in
  // the future of the figures' "now" and drop out of the current period until it caught up
  const clock = config.demo && !opts.city ? demoClock(Math.max(city.asOf ?? 0, record.latest)) : undefined;
  // a snapshot when the record is far ahead of the one it started from (a restart right after
  // one folds little: saving the same state again took 35 s at full size)
  if (timings.eventsLoaded || record.position - record.snapshotPosition > SNAPSHOT_EVERY) await step('save a snapshot', () => record.saveSnapshot());
  // built at the clock's now, so the first request does not build them again
  await step('metrics', () => record.metrics(null, clock?.()));
  const keys = config.jwt.publicKey || config.jwt.secret ? await keysFromConfig(config.jwt) : await loadOrCreateKeys(config.dataDir);
  const auth: AuthConfig = { issuer: config.issuer, audience: config.audience, ...keys };
  const app = createApp({
    record, auth, limits: config.limits, corsOrigins: config.corsOrigins, devSignin: config.devSignin,
    ...(clock ? { clock } : {}),
    ...(open311 ? { open311: { ...open311, store } } : {}),
    ...(geometry ? { geometry } : {}),
    log: (e) => (e.status >= 500 ? log.error(e, 'request') : log.debug(e, 'request')),
  });
  for (const [prefix, root] of opts.staticMounts ?? []) {
    app.use(`${prefix}*`, serveStatic({ root, rewriteRequestPath: (p) => p.slice(prefix.length - 1) }));
  }
  const server = await new Promise<ReturnType<typeof serve>>((ok) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => ok(s));
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://${config.host}:${port}/`;
  log.info({ url }, 'listening');
  return {
    url, store, record, timings,
    async close() {
      await new Promise<void>((ok) => server.close(() => ok()));
      record.close();
      await store.close();
    },
  };
}

/** An import's geometries split into the areas and the unit points the server's map reads. */
function splitGeometry(g: ReadonlyMap<string, NodeGeometry>): Open311Geometry {
  const areas = new Map<string, AreaGeometry>(), units = new Map<string, PointGeometry>();
  for (const [code, x] of g) {
    if (x.type === 'Point') units.set(code, x);
    else areas.set(code, x);
  }
  return { areas, units };
}
