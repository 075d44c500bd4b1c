// An Open311 client someone else wrote drives the running server: Code for America's Node
// client `open311` (npm, 0.0.12, github.com/codeforamerica/node-open311) over real HTTP —
// discovery, service list and definition, a posted request, read back, its token — while the
// case moves through the API (register, dispatch, handling, verification, call back, follow-up,
// closing), each step by a person the separation of duties allows. The client reads `open`
// until the case closes, then `closed` with the closing time; the extended statuses are read by
// a plain HTTP GET of the XML, parsed by fast-xml-parser. Round trip: the report is in the
// portal's case list, dashboard and case file.
//
// The client's two XML-only dependencies cannot be installed on Node 20 here (see
// pnpm-workspace.yaml): they are replaced by modules that throw if used, and the client runs in
// JSON mode, where it never uses them.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import Module, { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { XMLParser } from 'fast-xml-parser';
import { JicengClient } from '../src/client.js';
import { closeThroughApi, open311Fixture, CITIZEN_KEY, type Fixture } from './open311-fixture.js';
import { AUTH } from './helpers.js';
import { issueToken } from '../src/auth.js';

type Cb<T> = (err: unknown, data: T) => void;
interface Open311Client {
  endpoint?: string;
  format: string;
  serviceDiscovery(o: { cache: boolean }, cb: Cb<{ endpoints: { url: string }[] }>): void;
  serviceList(cb: Cb<{ service_code: string; service_name: string }[]>): void;
  serviceDefinition(code: string, cb: Cb<{ service_code: string; attributes: { code: string }[] }>): void;
  submitRequest(data: Record<string, unknown>, cb: Cb<{ service_request_id: string; token: string }[]>): void;
  serviceRequest(id: string, cb: Cb<{ service_request_id: string; status: string; status_notes: string; updated_datetime: Date; requested_datetime: Date; lat: number; long: number }[]>): void;
  token(token: string, cb: Cb<{ service_request_id: string; token: string }[]>): void;
}

/** Loads the client with its unavailable XML modules replaced by ones that throw when used. */
function loadClient(): new (o: Record<string, unknown>) => Open311Client {
  const M = Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown };
  const load = M._load;
  const missing = (name: string) => new Proxy({}, { get: () => () => { throw new Error(`${name} is not installed: use the JSON format`); } });
  M._load = function (req: string, ...rest: unknown[]) {
    if (req === 'sparkxml' || req === 'xml2json') return missing(req);
    return load.call(this, req, ...rest);
  };
  try {
    return createRequire(import.meta.url)('open311');
  } finally {
    M._load = load;
  }
}
const call = <T>(f: (cb: Cb<T>) => void): Promise<T> => new Promise((ok, bad) => f((e, d) => (e ? bad(new Error(`open311 client: ${e instanceof Error ? e.message : JSON.stringify(e)} ${String(d)}`)) : ok(d))));

describe('Open311 with a third-party client (codeforamerica/node-open311) against the running server', () => {
  let fx: Fixture;
  let server: ServerType;
  let base: string;
  before(async () => {
    fx = await open311Fixture();
    server = await new Promise<ServerType>((ok) => { const s = serve({ fetch: fx.app.fetch, hostname: '127.0.0.1', port: 0 }, () => ok(s)); });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  after(async () => {
    await new Promise<void>((ok) => server.close(() => ok()));
    await fx.close();
  });

  test('discover, list, post, read back, follow the case to closed; the report is in the portal\'s list, dashboard and case file', async () => {
    const Open311 = loadClient();
    const client = new Open311({ discovery: `${base}open311/v2/discovery.json`, apiKey: CITIZEN_KEY, jurisdiction: 'putian' });
    await call<unknown>((cb) => client.serviceDiscovery({ cache: true }, cb));
    assert.equal(client.endpoint, `${base}open311/v2/`, 'the client found the endpoint by discovery');
    assert.equal(client.format, 'json');

    const services = await call<{ service_code: string; service_name: string }[]>((cb) => client.serviceList(cb));
    assert.ok(services.some((s) => s.service_code === 'city.rubbish' && s.service_name === '暴露垃圾'));
    const def = await call<{ service_code: string; attributes: { code: string }[] }>((cb) => client.serviceDefinition('city.rubbish', cb));
    assert.deepEqual(def.attributes.map((a) => a.code), ['urgency']);

    // the portal's view before the report: the grid's case list and dashboard
    const officer = new JicengClient({ baseUrl: base.slice(0, -1), token: await issueToken({ id: `vi1-${fx.village}`, roles: [{ role: 'village-officer', node: fx.village }] }, AUTH) });
    const period = String(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear());
    const kpi = async (code: string) => (await officer.dashboard({ node: fx.grid, period })).kpis.find((k) => k.code === code)?.value;
    const collectedBefore = await kpi('collected');

    const target = fx.units[7];
    const [reply] = await call<{ service_request_id: string; token: string }[]>((cb) => client.submitRequest({
      service_code: 'city.rubbish', lat: target.wgs[1], long: target.wgs[0], description: '小区门口垃圾三天没人清运',
      email: 'resident@example.com', first_name: '林', attributes: { urgency: 'urgent' },
    }, cb));
    const id = reply.service_request_id;
    assert.match(id, /^JC-/);
    const [byToken] = await call<{ service_request_id: string }[]>((cb) => client.token(reply.token, cb));
    assert.equal(byToken.service_request_id, id);

    type Requests = { service_request_id: string; status: string; status_notes: string; updated_datetime: Date; lat: number; long: number }[];
    const read = async () => (await call<Requests>((cb) => client.serviceRequest(id, cb)))[0];
    const first = await read();
    assert.equal(first.status, 'open');
    assert.match(first.status_notes, /待立案/);
    assert.ok(first.updated_datetime instanceof Date, 'the client parsed the W3C datetime');

    // round trip: the report is in the portal's case list of the grid, its dashboard and the case file
    const list = await officer.cases({ node: fx.grid, limit: 50 });
    assert.ok(list.items.some((c) => c.id === id && c.source === 'citizen' && c.node.code === target.code));
    assert.equal(await kpi('collected'), (collectedBefore ?? 0) + 1, 'the dashboard counts the report');
    const file = await officer.caseFile(id);
    assert.equal(file.case.status, 'discovered');
    assert.ok(file.actions.includes('register'), 'the officer may register it');

    // the case moves through the API; the client follows it
    const notes: string[] = [];
    await closeThroughApi(fx, id, async (status) => {
      const r = await read();
      assert.equal(r.status, status === 'closed' ? 'closed' : 'open', `at ${status}`);
      notes.push(r.status_notes);
    });
    assert.deepEqual(notes.map((n) => n.split(' ')[0]), ['待派遣', '待签收', '处置中', '待核查', '待回访', '待回访', '待办结', '已办结']);
    const closed = await read();
    const s = fx.record.cases.get(id)!;
    assert.equal(closed.status, 'closed');
    assert.equal(closed.updated_datetime.getTime(), s.closedAt - (s.closedAt % 1000), 'updated_datetime is the closing time');
    assert.equal((await officer.caseFile(id)).case.status, 'closed');

    // mySociety's extended statuses, read as a plain client would: GET the XML, parse it
    const res = await fetch(`${base}open311/v2/servicerequestupdates.xml?jurisdiction_id=putian&service_request_id=${id}`);
    const doc = new XMLParser({ parseTagValue: false, isArray: (n) => n === 'request_update' }).parse(await res.text());
    const updates = doc.service_requests_updates.request_update as { status: string; update_id: string; updated_datetime: string }[];
    assert.deepEqual(updates.map((u) => u.status), ['open', 'investigating', 'action_scheduled', 'in_progress', 'fixed', 'closed']);
    assert.equal(Date.parse(updates[updates.length - 1].updated_datetime), closed.updated_datetime.getTime());
  });
});
