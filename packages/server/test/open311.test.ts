// Open311 GeoReport v2 against the specification, in process: every endpoint in JSON and in
// XML (read back by fast-xml-parser to the same values), every error case (a list of
// {code, description} with 400/403/404, and nothing recorded), location by coordinates (a
// GCJ-02 map behind a WGS-84 wire), by address and by node code, registration where the
// service says so, mySociety's servicerequestupdates, CORS, and no personal field in any read.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import { closeThroughApi, open311Fixture, CITIZEN_KEY, COUNTY_KEY, HOTLINE_KEY, type Fixture } from './open311-fixture.js';
import { createApp } from '../src/app.js';
import { AUTH } from './helpers.js';
import { xmlDocument, xmlList } from '../src/open311/xml.js';

const LISTS = ['request', 'service', 'error', 'attribute', 'value', 'endpoint', 'format', 'request_update'];
const xml = new XMLParser({ parseTagValue: false, isArray: (name) => LISTS.includes(name) });
const WRAPPERS: Record<string, string> = { attributes: 'attribute', values: 'value', endpoints: 'endpoint', formats: 'format' };

/** Every leaf as text, XML's list wrappers unwrapped: what both formats must agree on. */
function norm(v: unknown, key = ''): unknown {
  if (Array.isArray(v)) return v.map((x) => norm(x));
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (WRAPPERS[key] && Object.keys(o).length === 1 && WRAPPERS[key] in o) return norm(o[WRAPPERS[key]]);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, norm(x, k)]));
  }
  // a leaf (objects and arrays are handled above); null reads as empty
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === undefined ? String(v) : '';
}

describe('Open311 GeoReport v2', () => {
  let fx: Fixture;
  before(async () => { fx = await open311Fixture(); });
  after(() => fx.close());

  const call = async (path: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}) => {
    const headers = new Headers(init.headers);
    let body: string | undefined;
    if (init.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(init.form).toString();
    }
    const r = await fx.app.request(`/open311/v2/${path}`, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, ...(body ? { body } : {}) });
    return { status: r.status, headers: r.headers, text: await r.text() };
  };
  /** The same endpoint in both formats: the JSON and the XML's root element, both normalised. */
  const both = async (path: string, root: string, item: string | undefined, init: Parameters<typeof call>[1] = {}) => {
    const [p, q] = path.split('?');
    const j = await call(`${p}.json${q ? `?${q}` : ''}`, init);
    const x = await call(`${p}.xml${q ? `?${q}` : ''}`, init);
    assert.equal(j.status, x.status, `${path}: the same status in both formats`);
    assert.match(x.headers.get('content-type') ?? '', /^text\/xml/);
    assert.match(j.headers.get('content-type') ?? '', /^application\/json/);
    assert.ok(x.text.startsWith('<?xml version="1.0" encoding="utf-8"?>'));
    const parsed = xml.parse(x.text) as Record<string, Record<string, unknown>>;
    assert.ok(root in parsed, `${path}: XML root <${root}>`);
    const xr = item ? (parsed[root]?.[item] ?? []) : parsed[root];
    const jr = JSON.parse(j.text);
    assert.deepEqual(norm(xr), norm(jr), `${path}: XML reads back to the JSON's values`);
    return { status: j.status, json: jr };
  };
  const errorOf = async (path: string, status: number, init: Parameters<typeof call>[1] = {}) => {
    const before = fx.record.position;
    const [p, q] = path.split('?');
    const j = await call(`${p}.json${q ? `?${q}` : ''}`, init);
    const x = await call(`${p}.xml${q ? `?${q}` : ''}`, init);
    assert.equal(j.status, status, `${path}: ${j.text}`);
    assert.equal(x.status, status);
    const arr = JSON.parse(j.text) as { code: number; description: string }[];
    assert.ok(Array.isArray(arr) && arr.length === 1, 'errors are an array');
    assert.deepEqual(Object.keys(arr[0]).sort(), ['code', 'description']);
    assert.equal(arr[0].code, status);
    assert.match(arr[0].description, /[\u4e00-\u9fff].* \/ [A-Za-z]/, 'described in zh and en');
    const px = xml.parse(x.text) as { errors: { error: { code: string; description: string }[] } };
    assert.deepEqual(px.errors.error, [{ code: String(status), description: arr[0].description }]);
    assert.equal(fx.record.position, before, `${path}: nothing recorded`);
    return arr[0].description;
  };
  const post = (form: Record<string, string>, key = CITIZEN_KEY) => call('requests.json', { form: { api_key: key, ...form } });
  const posted = async (form: Record<string, string>, key = CITIZEN_KEY) => {
    const r = await post(form, key);
    assert.equal(r.status, 201, r.text);
    const [row] = JSON.parse(r.text) as { service_request_id: string; token: string; service_notice: string }[];
    return row;
  };

  test('discovery: the endpoint, its specification and both formats', async () => {
    const j = await call('discovery.json');
    assert.equal(j.status, 200);
    const d = JSON.parse(j.text);
    assert.equal(d.endpoints[0].specification, 'http://wiki.open311.org/GeoReport_v2');
    assert.equal(d.endpoints[0].url, 'http://localhost/open311/v2');
    assert.deepEqual(d.endpoints[0].formats, ['text/xml', 'application/json']);
    const x = xml.parse((await call('discovery.xml')).text);
    assert.deepEqual(norm(x.discovery), norm(d));
  });

  test('services: generated from the category table, public categories only, names in zh and en', async () => {
    const { json } = await both('services', 'services', 'service');
    const codes = json.map((s: { service_code: string }) => s.service_code);
    assert.ok(codes.includes('city.rubbish') && codes.includes('city.parking'));
    for (const hidden of ['dispute.neighbour', 'security.vice', 'city']) assert.ok(!codes.includes(hidden), `${hidden} is not offered`);
    const rubbish = json.find((s: { service_code: string }) => s.service_code === 'city.rubbish');
    assert.equal(rubbish.service_name, '暴露垃圾');
    assert.equal(rubbish.description, '暴露垃圾 / Exposed rubbish');
    assert.equal(rubbish.group, '城市管理');
    assert.equal(rubbish.metadata, true);
    assert.equal(rubbish.type, 'realtime');
    const en = JSON.parse((await call('services.json?locale=en')).text);
    assert.equal(en.find((s: { service_code: string }) => s.service_code === 'city.rubbish').service_name, 'Exposed rubbish');
  });

  test('service definition: attributes with their values; unknown service 404', async () => {
    const { json } = await both('services/city.rubbish', 'service_definition', undefined);
    assert.equal(json.service_code, 'city.rubbish');
    const urgency = json.attributes.find((a: { code: string }) => a.code === 'urgency');
    assert.equal(urgency.datatype, 'singlevaluelist');
    assert.equal(urgency.variable, true);
    assert.equal(urgency.required, false);
    assert.deepEqual(urgency.values.map((v: { key: string }) => v.key), ['normal', 'urgent', 'critical']);
    await errorOf('services/no.such', 404);
    await errorOf('services/dispute.neighbour', 404);
  });

  test('POST errors: key, jurisdiction, service, location, attributes, lengths, form — 400/403/404, nothing recorded', async () => {
    const ok = { service_code: 'city.rubbish', address_id: fx.units[0].code, description: '垃圾' };
    const form = (f: Record<string, string>) => ({ form: f });
    assert.match(await errorOf('requests', 403, form(ok)), /api_key/);
    await errorOf('requests', 403, form({ ...ok, api_key: 'wrong-key' }));
    await errorOf('requests', 403, form({ ...ok, api_key: COUNTY_KEY, jurisdiction_id: 'putian' }));
    await errorOf('requests', 404, form({ ...ok, api_key: CITIZEN_KEY, jurisdiction_id: 'nowhere' }));
    const k = { api_key: CITIZEN_KEY };
    await errorOf('requests', 400, form({ ...k, address_id: fx.units[0].code }));
    await errorOf('requests', 400, form({ ...k, ...ok, service_code: 'no.such' }));
    await errorOf('requests', 400, form({ ...k, ...ok, service_code: 'dispute.neighbour' }));
    await errorOf('requests', 400, form({ ...k, service_code: 'city.rubbish' }));
    await errorOf('requests', 400, form({ ...k, ...ok, address_id: undefined as never, lat: '25.41' }));
    await errorOf('requests', 400, form({ ...k, ...ok, lat: '91', long: '119' }));
    await errorOf('requests', 400, form({ ...k, service_code: 'city.rubbish', lat: '10', long: '10' }));
    await errorOf('requests', 400, form({ ...k, service_code: 'city.rubbish', address_string: 'Nowhere at all' }));
    await errorOf('requests', 400, form({ ...k, ...ok, 'attribute[colour]': 'red' }));
    await errorOf('requests', 400, form({ ...k, ...ok, 'attribute[urgency]': 'very' }));
    await errorOf('requests', 400, form({ ...k, ...ok, description: 'x'.repeat(2001) }));
    await errorOf('requests', 400, form({ ...k, ...ok, media_url: 'javascript:alert(1)' }));
    // the county key posting in the city but outside its county
    await errorOf('requests', 400, form({ ...ok, api_key: COUNTY_KEY, address_id: fx.units[0].code }));
    // not a form
    const before = fx.record.position;
    const r = await fx.app.request('/open311/v2/requests.json', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...k, ...ok }) });
    assert.equal(r.status, 400);
    assert.equal(fx.record.position, before);
  });

  test('POST by coordinates: WGS-84 on the wire, the GCJ-02 map converted at the edge, the nearest unit', async () => {
    const target = fx.units[5];
    const sent = [target.wgs[1] + 0.0004, target.wgs[0] - 0.0003].map((x) => x.toFixed(7));
    const { service_request_id: id, token, service_notice } = await posted({
      service_code: 'city.rubbish', lat: sent[0], long: sent[1], description: '路口有一堆垃圾，张三家门口',
      first_name: '三', last_name: '张', email: 'zhangsan@example.com', phone: '13800138000', 'attribute[urgency]': 'urgent',
      media_url: 'https://example.com/p.jpg',
    });
    assert.match(id, /^JC-/);
    assert.match(service_notice, /待立案/);
    const s = fx.record.cases.get(id)!;
    assert.equal(s.node, target.code, 'the unit nearest the converted position');
    assert.equal(s.source, 'citizen');
    assert.equal(s.status, 'discovered');
    // read back in both formats: the fields of the specification; the place is the case's node
    // (its map point, converted back to WGS-84), never the position or photo sent
    const { json } = await both(`requests/${id}`, 'service_requests', 'request');
    const row = json[0];
    assert.equal(row.service_request_id, id);
    assert.equal(row.status, 'open');
    assert.equal(row.service_code, 'city.rubbish');
    assert.equal(row.service_name, '暴露垃圾');
    assert.equal(row.lat, Math.round(target.wgs[1] * 1e6) / 1e6);
    assert.equal(row.long, Math.round(target.wgs[0] * 1e6) / 1e6);
    assert.equal(row.address_id, target.code);
    const h = fx.record.hierarchy;
    assert.equal(row.address, h.path(h.indexOf(target.code)).slice(1).map((p) => h.name(p)).join(' '));
    assert.ok(!('media_url' in row) && !('description' in row) && !('agency_responsible' in row));
    assert.match(row.requested_datetime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    assert.equal(Date.parse(row.requested_datetime), s.reportedAt - (s.reportedAt % 1000));
    // the token names the request
    const t = await both(`tokens/${token}`, 'service_requests', 'request');
    assert.deepEqual(t.json, [{ service_request_id: id, token }]);
    await errorOf('tokens/no-such-token', 404);
    // no personal field, no free text, in any read
    for (const path of [`requests/${id}.json`, `requests/${id}.xml`, `requests.json?service_request_id=${id}`, `servicerequestupdates.xml?service_request_id=${id}`]) {
      const text = (await call(path)).text;
      for (const secret of ['张', 'zhangsan', '13800138000', '张三家门口', sent[0], sent[1], 'example.com/p.jpg']) assert.ok(!text.includes(secret), `${path} leaks ${secret}`);
    }
    // the reporter's contact and what was sent about the place are on the case, for the roles
    // that need them (masked by the core for the others)
    const events = await fx.record.caseEvents(id);
    const data = events[0].data as { reporter?: string; description: string };
    assert.equal(data.reporter, '三 张 zhangsan@example.com 13800138000');
    assert.equal(data.description, `路口有一堆垃圾，张三家门口\n坐标 WGS-84: ${sent[0]}, ${sent[1]}\n图片 Media: https://example.com/p.jpg`);
  });

  test('POST by address (names matched level by level) and by address_id', async () => {
    const h = fx.record.hierarchy;
    const unit = h.indexOf(fx.units[2].code);
    const addr = h.path(unit).slice(2).map((p) => h.name(p)).join('');
    const a = await posted({ service_code: 'city.vendor', address_string: addr });
    assert.equal(fx.record.cases.get(a.service_request_id)!.node, fx.units[2].code);
    const row = JSON.parse((await call(`requests/${a.service_request_id}.json`)).text)[0];
    assert.equal(row.address, h.path(unit).slice(1).map((p) => h.name(p)).join(' '), 'the place name from the hierarchy');
    // the reply to a POST in XML, as the specification's example
    const rx = await call('requests.xml', { form: { api_key: CITIZEN_KEY, service_code: 'city.vendor', address_id: fx.units[2].code } });
    assert.equal(rx.status, 201);
    const px = xml.parse(rx.text) as { service_requests: { request: { service_request_id: string; token: string }[] } };
    const made = px.service_requests.request[0];
    assert.equal(fx.record.cases.get(made.service_request_id)?.node, fx.units[2].code);
    assert.deepEqual(norm(JSON.parse((await call(`tokens/${made.token}.json`)).text)), [{ service_request_id: made.service_request_id, token: made.token }]);
    const b = await posted({ service_code: 'city.vendor', address_id: fx.grid });
    assert.equal(fx.record.cases.get(b.service_request_id)!.node, fx.grid);
    const rb = JSON.parse((await call(`requests/${b.service_request_id}.json`)).text)[0];
    assert.ok(rb.address.endsWith(h.name(h.indexOf(fx.grid))), 'the place name from the hierarchy');
    assert.ok(Number.isFinite(rb.lat), 'the grid\'s centroid when the report gave no position');
  });

  test('registration where the service says so, by the key\'s grant; otherwise the case awaits an officer', async () => {
    const withGrant = await posted({ service_code: 'city.parking', address_id: fx.units[1].code, 'attribute[urgency]': 'urgent' }, HOTLINE_KEY);
    const s = fx.record.cases.get(withGrant.service_request_id)!;
    assert.equal(s.status, 'registered');
    assert.equal(s.category, 'city.parking');
    assert.equal(s.urgency, 'urgent');
    assert.equal(s.source, 'hotline');
    assert.match(withGrant.service_notice, /待派遣/);
    const noGrant = await posted({ service_code: 'city.parking', address_id: fx.units[1].code });
    assert.equal(fx.record.cases.get(noGrant.service_request_id)!.status, 'discovered');
    const notListed = await posted({ service_code: 'city.rubbish', address_id: fx.units[1].code }, HOTLINE_KEY);
    assert.equal(fx.record.cases.get(notListed.service_request_id)!.status, 'discovered');
  });

  test('GET requests: filters, the 90-day window, status, ids; errors 400/404', async () => {
    const a = await posted({ service_code: 'city.ads', address_id: fx.units[3].code });
    const { json } = await both('requests?service_code=city.ads', 'service_requests', 'request');
    assert.ok(json.some((r: { service_request_id: string }) => r.service_request_id === a.service_request_id));
    assert.ok(json.every((r: { service_code: string }) => r.service_code === 'city.ads'));
    const closed = JSON.parse((await call('requests.json?status=closed&service_code=city.ads')).text);
    assert.ok(!closed.some((r: { service_request_id: string }) => r.service_request_id === a.service_request_id));
    // the seeded history (2016–2025) lies outside the default window; a window in 2025 lists it
    const old = await both('requests?start_date=2025-10-01T00:00:00%2B08:00&end_date=2025-12-29T00:00:00%2B08:00', 'service_requests', 'request');
    assert.ok(old.json.length > 0, 'registered cases of public categories in the window');
    for (const r of old.json) {
      const s = fx.record.cases.get(r.service_request_id)!;
      assert.ok(s.category && ['city-management', 'environment', 'infrastructure', 'work-safety', 'fire-safety', 'public-health', 'livelihood'].includes(fx.record.city.ctx.categories.get(s.category)!.topic));
      assert.equal(r.status, ['closed', 'rejected', 'duplicate', 'void'].includes(s.status) ? 'closed' : 'open');
      assert.ok(Date.parse(r.requested_datetime) >= Date.parse('2025-10-01T00:00:00+08:00'));
    }
    const times = old.json.map((r: { requested_datetime: string }) => Date.parse(r.requested_datetime));
    assert.deepEqual(times, [...times].sort((x, y) => y - x), 'newest first');
    const ids = old.json.slice(0, 2).map((r: { service_request_id: string }) => r.service_request_id);
    const byIds = await both(`requests?service_request_id=${ids.join(',')},NO-SUCH`, 'service_requests', 'request');
    assert.deepEqual(byIds.json.map((r: { service_request_id: string }) => r.service_request_id), ids);
    await errorOf('requests?start_date=2025-01-01T00:00:00Z&end_date=2025-06-01T00:00:00Z', 400);
    await errorOf('requests?start_date=yesterday', 400);
    await errorOf('requests?end_date=2025-01-01T00:00:00Z&start_date=2025-02-01T00:00:00Z', 400);
    await errorOf('requests?status=pending', 400);
    await errorOf('requests?service_code=no.such', 400);
    await errorOf('requests?jurisdiction_id=nowhere', 404);
    await errorOf('requests/NO-SUCH', 404);
    // a case Open311 does not show (a patrol report not yet registered) is not found
    const hidden = [...Array(fx.record.cases.facts.length).keys()].map((r) => fx.record.cases.get(fx.record.cases.facts.caseIds[r])!).find((s) => s.category === 'dispute.neighbour');
    if (hidden) await errorOf(`requests/${hidden.id}`, 404);
  });

  test('at most maxResults requests in a list (1,000 by default)', async () => {
    const app = createApp({ record: fx.record, auth: AUTH, open311: { ...fx.open311, maxResults: 3 } });
    const r = await app.request('/open311/v2/requests.json?start_date=2025-06-01T00:00:00Z&end_date=2025-08-29T00:00:00Z');
    assert.equal((await r.json()).length, 3);
  });

  test('servicerequestupdates: extended statuses from the seven steps, update ids = global positions, never repeated', async () => {
    const { service_request_id: id } = await posted({ service_code: 'city.rubbish', address_id: fx.units[4].code });
    const seen: string[] = [];
    await closeThroughApi(fx, id, async (status) => { seen.push(status); });
    assert.deepEqual(seen, ['registered', 'dispatched', 'handling', 'handled', 'verified', 'verified', 'followup', 'closed']);
    const { json } = await both(`servicerequestupdates?service_request_id=${id}`, 'service_requests_updates', 'request_update');
    assert.deepEqual(json.map((u: { status: string }) => u.status), ['open', 'investigating', 'action_scheduled', 'in_progress', 'fixed', 'closed']);
    assert.deepEqual(json.map((u: { external_status_code: string }) => u.external_status_code), ['discovered', 'registered', 'dispatched', 'handling', 'handled', 'closed']);
    const stored = await fx.store.readStream(`case-${id}`);
    const positions = new Map(stored.map((e) => [String(e.position), e.type]));
    for (const u of json) assert.ok(positions.has(u.update_id), 'an update id is the position of the event it reports');
    assert.equal(new Set(json.map((u: { update_id: string }) => u.update_id)).size, json.length);
    const last = json[json.length - 1];
    assert.equal(positions.get(last.update_id), 'closed');
    // the whole window: every update id once, across cases
    const all = JSON.parse((await call('servicerequestupdates.json')).text) as { update_id: string }[];
    assert.equal(new Set(all.map((u) => u.update_id)).size, all.length);
    assert.ok(all.some((u) => u.update_id === last.update_id));
    // closed reads closed with the closing time as updated_datetime
    const row = JSON.parse((await call(`requests/${id}.json`)).text)[0];
    assert.equal(row.status, 'closed');
    assert.equal(row.updated_datetime, last.updated_datetime);
    assert.equal(Date.parse(row.updated_datetime), fx.record.cases.get(id)!.closedAt - (fx.record.cases.get(id)!.closedAt % 1000));
    await errorOf('servicerequestupdates?start_date=2020-01-01T00:00:00Z&end_date=2021-01-01T00:00:00Z', 400);
    // reopened: open again, and the update says reopen
    const vi1 = await fx.api(`vi1-${fx.village}`);
    await vi1.command(id, { type: 'reopen', caseId: id, expectedVersion: fx.record.cases.get(id)!.version, reason: '群众反映又有堆放' });
    const after = JSON.parse((await call(`servicerequestupdates.json?service_request_id=${id}`)).text) as { status: string; update_id: string }[];
    assert.equal(after.length, json.length + 1);
    assert.equal(after[after.length - 1].status, 'reopen');
    assert.ok(Number(after[after.length - 1].update_id) > Number(last.update_id));
    assert.equal(JSON.parse((await call(`requests/${id}.json`)).text)[0].status, 'open');
  });

  test('POST servicerequestupdates: the resident\'s answer as the core\'s follow-up, by a key that may follow up', async () => {
    const { service_request_id: id } = await posted({ service_code: 'city.rubbish', address_id: fx.units[4].code });
    // up to verified and the call back
    const vi1 = await fx.api(`vi1-${fx.village}`), vi2 = await fx.api(`vi2-${fx.village}`), gw = await fx.api(`gw-${fx.grid}`);
    let v = 1;
    for (const [c, cmd] of [
      [vi1, { type: 'register', category: 'city.rubbish', urgency: 'normal', description: '暴露垃圾' }], [vi1, { type: 'dispatch', node: fx.grid }],
      [gw, { type: 'accept' }], [gw, { type: 'reportHandled', result: '已清运' }], [vi2, { type: 'verify', passed: true, note: '已清理' }],
    ] as const) v = (await c.command(id, { caseId: id, expectedVersion: v, ...cmd })).version;
    const form = { service_request_id: id, status: 'OPEN', satisfaction: '2', description: '又堆起来了', update_id: 'u-1' };
    await errorOf('servicerequestupdates', 403, { form });
    await errorOf('servicerequestupdates', 403, { form: { ...form, api_key: CITIZEN_KEY } });
    await errorOf('servicerequestupdates', 400, { form: { ...form, api_key: HOTLINE_KEY, satisfaction: '9' } });
    await errorOf('servicerequestupdates', 400, { form: { ...form, api_key: HOTLINE_KEY, status: 'MAYBE' } });
    await errorOf('servicerequestupdates', 404, { form: { ...form, api_key: HOTLINE_KEY, service_request_id: 'NO-SUCH' } });
    const r = await call('servicerequestupdates.xml', { form: { ...form, api_key: HOTLINE_KEY } });
    assert.equal(r.status, 201, r.text);
    const updateId = (xml.parse(r.text) as { service_requests_updates: { request_update: { update_id: string }[] } }).service_requests_updates.request_update[0].update_id;
    const s = fx.record.cases.get(id)!;
    assert.equal(s.recurred, true, 'OPEN: the problem recurred');
    assert.equal(s.status, 'handling', 'a recurrence sends the case back to handling');
    const stored = await fx.store.readStream(`case-${id}`);
    assert.equal(stored.find((e) => String(e.position) === updateId)?.type, 'followedUp');
    // the same update id again records nothing more
    const again = await call('servicerequestupdates.json', { form: { ...form, api_key: HOTLINE_KEY } });
    assert.equal(again.status, 201);
    assert.equal(JSON.parse(again.text)[0].update_id, updateId, 'the first answer again');
    assert.equal((await fx.store.readStream(`case-${id}`)).length, stored.length);
  });

  test('writes per key are rate-limited (429 in the specification\'s error form); other keys are not affected', async () => {
    const app = createApp({ record: fx.record, auth: AUTH, open311: { ...fx.open311, writesPerMinute: 2 } });
    const send = (key: string) => app.request('/open311/v2/requests.json', {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: key, service_code: 'city.ads', address_id: fx.units[6].code }).toString(),
    });
    assert.equal((await send(CITIZEN_KEY)).status, 201);
    assert.equal((await send(CITIZEN_KEY)).status, 201);
    const before = fx.record.position;
    const third = await send(CITIZEN_KEY);
    assert.equal(third.status, 429);
    assert.equal((await third.json())[0].code, 429);
    assert.equal(fx.record.position, before);
    assert.equal((await send(HOTLINE_KEY)).status, 201);
  });

  test('CORS: reads from any origin; writes are not offered cross-origin', async () => {
    const r = await fx.app.request('/open311/v2/services.json', { headers: { origin: 'https://app.example' } });
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
    const pre = await fx.app.request('/open311/v2/requests.json', { method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' } });
    assert.ok(!(pre.headers.get('access-control-allow-methods') ?? '').includes('POST'));
  });

  test('unknown endpoints, methods and formats: 404 in the asked format', async () => {
    await errorOf('nothing', 404);
    await errorOf('requests/a/b', 404);
    await errorOf('services', 404, { method: 'DELETE' });
    const r = await call('services.html');
    assert.equal(r.status, 404);
    assert.ok(Array.isArray(xml.parse(r.text).errors.error));
  });
});

describe('the XML writer', () => {
  test('escapes markup, drops what XML cannot carry, and a standard parser reads the text back', () => {
    const nasty = 'a < b && "c" > \'d\' ]]> <script>x</script>';
    const doc = xmlDocument('service_requests', xmlList('request', [{ service_name: nasty, ctrl: 'bell\u0007end', empty: '', none: null, gone: undefined }]));
    assert.ok(!doc.includes('<script>'));
    const back = xml.parse(doc) as { service_requests: { request: Record<string, string>[] } };
    assert.deepEqual(back.service_requests.request, [{ service_name: nasty, ctrl: 'bellend', empty: '', none: '' }]);
  });
});
