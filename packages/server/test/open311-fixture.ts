// Shared by the Open311 tests: the Putian test city (600 generated cases) in a fresh store, an
// app with Open311 on, a small map declared in GCJ-02 (so that the WGS-84 wire must be
// converted), client keys, and tokens for the city's people.
import { openStore, type EventStore } from '@jiceng/store';
import { toWgs84, type LonLat, type PointGeometry, type PolygonGeometry } from '@jiceng/core/geo';
import type { Actor } from '@jiceng/core';
import { createApp } from '../src/app.js';
import { issueToken } from '../src/auth.js';
import { seedDemo } from '../src/demo.js';
import { LiveRecord } from '../src/record.js';
import { JicengClient } from '../src/client.js';
import { open311KeyHash, type Open311Key } from '../src/open311/model.js';
import type { Open311Options } from '../src/routes/open311.js';
import { AUTH, city } from './helpers.js';

export const CITIZEN_KEY = 'citizen-app-key-0123456789';
export const HOTLINE_KEY = 'hotline-app-key-0123456789';
export const COUNTY_KEY = 'county-app-key-0123456789';

export interface Fixture {
  store: EventStore;
  record: LiveRecord;
  app: ReturnType<typeof createApp>;
  /** The grid with a map, its village and town; the units of that grid and their GCJ-02 points. */
  grid: string; village: string; town: string; root: string;
  units: { code: string; gcj: LonLat; wgs: LonLat }[];
  /** Another grid with a map, in another county. */
  otherGrid: string; otherCounty: string;
  open311: Open311Options;
  token(person: string): Promise<string>;
  api(person: string): Promise<JicengClient>;
  close(): Promise<void>;
}

const square = (x: number, y: number, side: number): PolygonGeometry => ({
  type: 'Polygon', coordinates: [[[x, y], [x + side, y], [x + side, y + side], [x, y + side], [x, y]]],
});

/** The city, a store seeded with its 600 cases, and the app with Open311 on. */
export async function open311Fixture(extra: Partial<Open311Options> = {}): Promise<Fixture> {
  const d = city();
  const h = d.city.hierarchy;
  const store = await openStore();
  await seedDemo(store, d);
  const record = await LiveRecord.open(store, d.city);
  // a grid with at least 6 units, and a grid of another county
  let g = -1;
  for (let p = 0; p < h.size && g < 0; p++) if (h.level(p).id === 'grid' && h.childCount(p) >= 6) g = p;
  const county = h.ancestorAt(g, 'county');
  let g2 = -1;
  for (let p = 0; p < h.size && g2 < 0; p++) if (h.level(p).id === 'grid' && h.ancestorAt(p, 'county') !== county) g2 = p;
  // the map, in GCJ-02: the grid a 0.02° square, its units on a 0.004° lattice (finer than
  // GCJ-02's offset of about half a kilometre, so that an unconverted position finds another unit)
  const [x0, y0] = [119.0, 25.4];
  const units = h.children(g).slice(0, 16).map((u, k): { code: string; gcj: LonLat; wgs: LonLat } => {
    const gcj: LonLat = [x0 + 0.002 + 0.004 * (k % 4), y0 + 0.002 + 0.004 * Math.floor(k / 4)];
    return { code: h.code(u), gcj, wgs: toWgs84(gcj, 'GCJ02') };
  });
  const areas = new Map([[h.code(g), square(x0, y0, 0.02)], [h.code(g2), square(118.7, 25.35, 0.02)]]);
  const unitPoints = new Map<string, PointGeometry>(units.map((u) => [u.code, { type: 'Point', coordinates: u.gcj }]));
  const root = h.code(0);
  const keys: Open311Key[] = [
    { application: 'citizen-app', sha256: open311KeyHash(CITIZEN_KEY), source: 'citizen', jurisdiction: 'putian' },
    { application: 'hotline-12345', sha256: open311KeyHash(HOTLINE_KEY), source: 'hotline', jurisdiction: 'putian', grants: [{ role: 'city-officer', node: root }] },
    { application: 'county-app', sha256: open311KeyHash(COUNTY_KEY), source: 'citizen', jurisdiction: 'county' },
  ];
  const open311: Open311Options = {
    store, keys,
    jurisdictions: [{ id: 'putian', node: root }, { id: 'county', node: h.code(h.ancestorAt(g2, 'county')) }],
    services: { register: ['city.parking'] },
    geometry: { crs: 'GCJ02', areas, units: unitPoints },
    ...extra,
  };
  const app = createApp({ record, auth: AUTH, devSignin: false, open311 });
  const token = (person: string) => {
    const m = /^([a-z]{2}[12]?)-(.+)$/.exec(person)!;
    const lv = h.level(h.indexOf(m[2])).id;
    const role = lv === 'grid' ? (m[1] === 'gw' ? 'grid-worker' : 'grid-head') : `${lv}-officer`;
    const actor: Actor = { id: person, roles: [{ role, node: m[2] }] };
    return issueToken(actor, AUTH);
  };
  const fetchApp = (input: string, init?: RequestInit) => Promise.resolve(app.request(input, init));
  return {
    store, record, app, root, units, open311,
    grid: h.code(g), village: h.code(h.ancestorAt(g, 'village')), town: h.code(h.ancestorAt(g, 'town')),
    otherGrid: h.code(g2), otherCounty: h.code(h.ancestorAt(g2, 'county')),
    token,
    api: async (person) => new JicengClient({ baseUrl: 'http://test', token: await token(person), fetch: fetchApp }),
    close: async () => { record.close(); await store.close(); },
  };
}

/** Moves a case from `discovered` to `closed` through the API, each step by a person the separation of duties allows. */
export async function closeThroughApi(fx: Fixture, caseId: string, onStep?: (status: string) => Promise<void>): Promise<void> {
  const vi1 = await fx.api(`vi1-${fx.village}`); // registers, dispatches, closes
  const vi2 = await fx.api(`vi2-${fx.village}`); // verifies, calls the reporter back, follows up: not of the handling body
  const gw = await fx.api(`gw-${fx.grid}`); // the handler
  let v = fx.record.cases.get(caseId)!.version;
  const step = async (c: JicengClient, cmd: Record<string, unknown>) => {
    const r = await c.command(caseId, { caseId, expectedVersion: v, ...cmd } as never);
    v = r.version;
    await onStep?.(fx.record.cases.get(caseId)!.status);
  };
  if (fx.record.cases.get(caseId)!.status === 'discovered') {
    await step(vi1, { type: 'register', category: 'city.rubbish', urgency: 'normal', description: '暴露垃圾' });
  }
  await step(vi1, { type: 'dispatch', node: fx.grid });
  await step(gw, { type: 'accept' });
  await step(gw, { type: 'reportHandled', result: '已清运' });
  await step(vi2, { type: 'verify', passed: true, note: '现场核查已清理' });
  await step(vi2, { type: 'giveFeedback', channel: 'phone', note: '已电话告知' });
  await step(vi2, { type: 'followUp', satisfaction: 5, recurred: false });
  await step(vi1, { type: 'close' });
}
