/**
 * Open311 GeoReport v2 under `/open311/v2/`, with mySociety's `servicerequestupdates`:
 * any 311 client reports to the city and follows its cases. Every write is a core command
 * (`discover`, `register` where the service says so, `followUp`) run by the client key's
 * actor through the record's command path, so every rule, scope and audit applies; every
 * read comes from the record. Answers in XML or JSON (the path's extension); errors as the
 * specification says: a list of `{code, description}` with 400, 403 or 404.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { bodyLimit } from 'hono/body-limit';
import { type CaseState, type HierarchyIndex } from '@jiceng/core';
import { evolveCase, type AnyCaseEvent } from '@jiceng/core/cases';
import { need } from '@jiceng/core/errors';
import { CHINA_UTC_OFFSET_MINUTES, formatInstant } from '@jiceng/core/calendar';
import type { EventStore } from '@jiceng/store';
import { ApiError } from '../errors.js';
import type { ApiEnv } from '../env.js';
import { caseStream, fromStored, type LiveRecord } from '../record.js';
import { IntakeBook, INTAKE_EVENT, INTAKE_STREAM_TYPE, type Intake } from '../open311/intake.js';
import { Locator, type Located, type Open311Geometry } from '../open311/locate.js';
import {
  buildServices, EXTENDED_STATUS, findKey, keyActor, open311Status, statusNotes,
  type ExtendedStatus, type Open311Jurisdiction, type Open311Key, type Open311Service, type Open311ServiceOptions,
} from '../open311/model.js';
import { xmlDocument, xmlList, type XmlObject } from '../open311/xml.js';

/**
 * How a city speaks Open311: its jurisdictions, its client keys, its service offer, its map.
 *
 * @example
 * ```ts
 * const open311: Open311Options = {
 *   store, jurisdictions: [{ id: 'putian.gov.cn', node: '350300000000' }],
 *   keys: [{ application: 'fms', sha256: open311KeyHash(process.env.FMS_KEY!), source: 'citizen', jurisdiction: 'putian.gov.cn' }],
 * };
 * ```
 */
export interface Open311Options {
  /** The record's store (intakes are kept there beside the cases). */
  store: EventStore;
  jurisdictions: readonly Open311Jurisdiction[];
  keys: readonly Open311Key[];
  services?: Open311ServiceOptions;
  /** The city's map (or a function that builds it on first use): coordinates → grid and unit. */
  geometry?: Open311Geometry | (() => Open311Geometry);
  /** The offset of the datetimes written, minutes east of UTC. Default +08:00. */
  utcOffsetMinutes?: number;
  /** Most requests a list answers. Default 1,000. */
  maxResults?: number;
  /** Who to contact about the endpoint (the discovery's `contact`). */
  contact?: string;
  /** Largest POST body, bytes. Default 64 KiB. */
  bodyBytes?: number;
  /** Writes per key per minute, sustained, after a burst of as many (429 above). Default 120. */
  writesPerMinute?: number;
}

/**
 * What {@link mountOpen311} serves from: the options, the record and the server's clock.
 *
 * @example
 * ```ts
 * const deps: Open311Deps = { ...open311, record, clock: () => Date.now() };
 * ```
 */
export interface Open311Deps extends Open311Options {
  record: LiveRecord;
  /** The server's clock (epoch ms). */
  clock: () => number;
}

const SPEC = 'http://wiki.open311.org/GeoReport_v2';
const CHANGESET = '2026-12-06T00:00:00Z';
const DAY = 86_400_000;
const MAX_SPAN = 90 * DAY;

/** An Open311 error: the HTTP status (400, 403, 404) and a description in zh and en. */
class Open311Error extends Error {
  constructor(readonly status: 400 | 403 | 404 | 429 | 500, zh: string, en: string) {
    super(`${zh} / ${en}`);
  }
}
const bad = (zh: string, en: string) => new Open311Error(400, zh, en);

type Format = 'json' | 'xml';
type Fields = Record<string, string | string[]>;

/**
 * Mounts Open311 on an app: `/open311/v2/discovery`, `services`, `services/{code}`,
 * `requests` (GET, POST), `requests/{id}`, `tokens/{token}` and `servicerequestupdates`
 * (GET, POST), each `.json` or `.xml`. Reads are open to any origin; writes need a key.
 *
 * @example
 * ```ts
 * mountOpen311(app, { record, clock: Date.now, ...open311 });
 * ```
 */
export function mountOpen311(app: OpenAPIHono<ApiEnv>, deps: Open311Deps): void {
  need('mountOpen311', 'app', app, 'object', { openapi: 'function' });
  need('mountOpen311', 'deps', deps, 'object', { record: 'object', 'record.hierarchy': 'object' });
  const { record, store } = deps;
  const h: HierarchyIndex = record.hierarchy;
  const cats = record.city.ctx.categories;
  const services = buildServices(cats, deps.services);
  const offset = deps.utcOffsetMinutes ?? CHINA_UTC_OFFSET_MINUTES;
  const maxResults = deps.maxResults ?? 1000;
  const book = new IntakeBook(store);
  const locator = new Locator(h, deps.geometry);
  const juris = new Map(deps.jurisdictions.map((j) => [j.id, j]));
  if (deps.jurisdictions.length === 0) throw new Error('Open311: at least one jurisdiction');
  for (const j of deps.jurisdictions) if (h.indexOf(j.node) < 0) throw new Error(`Open311 jurisdiction ${j.id}: no node ${j.node}`);
  for (const k of deps.keys) {
    if (!juris.has(k.jurisdiction)) throw new Error(`Open311 key of ${k.application}: no jurisdiction ${k.jurisdiction}`);
    if (!/^[0-9a-f]{64}$/.test(k.sha256)) throw new Error(`Open311 key of ${k.application}: sha256 must be 64 hex digits`);
    if (!/^[A-Za-z0-9._-]{1,60}$/.test(k.application)) throw new Error(`Open311 key: bad application id ${k.application}`);
  }
  const date = (ms: number) => formatInstant(ms, offset); // W3C datetime, as GeoReport's `2010-04-14T06:37:38-08:00`
  const buckets = new Map<string, { tokens: number; at: number }>();

  // ---------------------------------------------------------------- answers
  const answer = (c: Context, f: Format, root: string, item: string, rows: XmlObject[] | XmlObject, status: 200 | 201 = 200) => {
    if (f === 'json') return c.json(rows, status);
    const body = Array.isArray(rows) ? xmlList(item, rows) : rows;
    return c.body(xmlDocument(root, body), status, { 'content-type': 'text/xml; charset=utf-8' });
  };
  const fail = (c: Context, f: Format, e: Open311Error) => {
    const rows = [{ code: e.status, description: e.message }];
    if (f === 'json') return c.json(rows, e.status);
    return c.body(xmlDocument('errors', xmlList('error', rows)), e.status, { 'content-type': 'text/xml; charset=utf-8' });
  };
  /** The core's refusals as Open311 errors: scope and role 403, a missing thing 404, the rest 400. */
  const fromApi = (e: ApiError): Open311Error => {
    const s = e.status === 403 || e.status === 404 ? e.status : e.status >= 500 ? 500 : 400;
    const fields = e.body.error.fields?.map((x) => x.field).join(', ');
    return new Open311Error(s, e.body.error.zh + (fields ? `（${fields}）` : ''), e.body.error.en + (fields ? ` (${fields})` : ''));
  };

  app.use('/open311/*', cors({ origin: '*', allowMethods: ['GET', 'HEAD'], maxAge: 600 }));
  app.use('/open311/*', bodyLimit({
    maxSize: deps.bodyBytes ?? 64 * 1024,
    onError: (c) => fail(c, c.req.path.endsWith('.json') ? 'json' : 'xml', bad('请求体过大', 'the request body is too large')),
  }));

  // ---------------------------------------------------------------- inputs
  const fields = async (c: Context): Promise<Fields> => {
    const out: Fields = {};
    for (const [k, v] of Object.entries(c.req.queries())) out[k] = v.length === 1 ? v[0] : v;
    if (c.req.method === 'POST') {
      const type = c.req.header('content-type') ?? '';
      if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
        throw bad('请以表单（application/x-www-form-urlencoded）提交', 'post the fields as a form (application/x-www-form-urlencoded)');
      }
      const body = await c.req.parseBody({ all: true }).catch(() => {
        throw bad('表单无法解析', 'the form could not be read');
      });
      for (const [k, v] of Object.entries(body)) {
        const vals = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
        if (vals.length) out[k] = vals.length === 1 ? vals[0] : vals;
      }
    }
    return out;
  };
  const one = (f: Fields, name: string): string | undefined => {
    const v = f[name];
    if (v === undefined) return undefined;
    if (Array.isArray(v)) throw bad(`参数 ${name} 只能给一次`, `${name} may be given once`);
    return v.trim() === '' ? undefined : v.trim();
  };
  /** The jurisdiction asked for; without `jurisdiction_id`, the key's (a write) or the first listed (a read). */
  const jurisdictionOf = (f: Fields): Open311Jurisdiction => {
    const id = one(f, 'jurisdiction_id') ?? findKey(deps.keys, one(f, 'api_key'))?.jurisdiction;
    if (id === undefined) return deps.jurisdictions[0];
    const j = juris.get(id);
    if (!j) throw new Open311Error(404, `没有辖区 ${id}`, `no such jurisdiction: ${id}`);
    return j;
  };
  const keyOf = (f: Fields, j: Open311Jurisdiction): Open311Key => {
    const k = findKey(deps.keys, one(f, 'api_key'));
    if (!k) throw new Open311Error(403, '缺少或无效的 api_key', 'api_key was not provided or is invalid');
    if (k.jurisdiction !== j.id) throw new Open311Error(403, '该 api_key 不属于此辖区', 'this api_key is not registered for this jurisdiction');
    // a token bucket per key: a burst of `rate` writes, then `rate` a minute
    const rate = deps.writesPerMinute ?? 120;
    const now = performance.now();
    const b = buckets.get(k.application) ?? { tokens: rate, at: now };
    b.tokens = Math.min(rate, b.tokens + ((now - b.at) * rate) / 60_000);
    b.at = now;
    buckets.set(k.application, b);
    if (b.tokens < 1) throw new Open311Error(429, '提交过于频繁，请稍后再试', 'too many writes with this key: try again shortly');
    b.tokens -= 1;
    return k;
  };
  const dateParam = (f: Fields, name: string): number | undefined => {
    const v = one(f, name);
    if (v === undefined) return undefined;
    const t = Date.parse(v);
    if (!/^\d{4}-\d{2}-\d{2}/.test(v) || !Number.isFinite(t)) throw bad(`${name} 不是 W3C 日期时间`, `${name} is not a W3C datetime`);
    return t;
  };
  /** The window of a list: at most 90 days; by default the 90 days up to now. */
  const windowOf = (f: Fields): { from: number; to: number } => {
    const s = dateParam(f, 'start_date');
    const e = dateParam(f, 'end_date');
    const to = e ?? (s !== undefined ? s + MAX_SPAN : deps.clock());
    const from = s ?? to - MAX_SPAN;
    if (to < from) throw bad('end_date 早于 start_date', 'end_date is before start_date');
    if (to - from > MAX_SPAN) throw bad('时间范围不能超过 90 天', 'the date range may not exceed 90 days');
    return { from, to };
  };

  // ---------------------------------------------------------------- the record, as Open311 sees it
  const serviceName = (s: Open311Service, en: boolean) => (en ? s.category.name.en : s.category.name.zh);
  /** The service a case shows under, or undefined if Open311 does not show it. */
  const serviceOf = (s: CaseState): Open311Service | undefined => {
    const byCategory = s.category === null ? undefined : services.get(s.category);
    if (byCategory) return byCategory;
    const i = book.byCase.get(s.id);
    return i ? services.get(i.serviceCode) : undefined;
  };
  const inJurisdiction = (s: CaseState, j: Open311Jurisdiction) => {
    const p = h.indexOf(s.node);
    return p >= 0 && h.isAncestor(h.indexOf(j.node), p);
  };
  const placeName = (pos: number, en: boolean) => h.path(pos).slice(1).map((p) => (en ? h.nameEn(p) : h.name(p))).join(' ');
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  /**
   * A request as GeoReport v2 lists it, from the case fields the core's field policy classes
   * public (id, node, category, status, times): the place is the case's node — its name, code
   * and map point — never the position, address or photo sent, the reporter, the free text or
   * the handler (personal or internal in the core).
   */
  const requestRow = (s: CaseState, svc: Open311Service, en: boolean): XmlObject => {
    const pos = h.indexOf(s.node);
    const point = locator.pointOf(pos);
    const row: XmlObject = {
      service_request_id: s.id,
      status: open311Status(s.status),
      status_notes: statusNotes(s.status),
      service_name: serviceName(svc, en),
      service_code: svc.category.id,
      requested_datetime: date(s.reportedAt),
      updated_datetime: date(s.lastAt),
      expected_datetime: Number.isFinite(s.dueAt) ? date(s.dueAt) : undefined,
      address: placeName(pos, en),
      address_id: s.node,
      lat: point ? round(point[1]) : undefined,
      long: point ? round(point[0]) : undefined,
    };
    return row;
  };

  // ---------------------------------------------------------------- handlers
  const discovery = (c: Context, f: Format) => {
    const url = new URL(c.req.url);
    const base = `${url.protocol}//${url.host}/open311/v2`;
    return answer(c, f, 'discovery', '', {
      changeset: CHANGESET,
      contact: deps.contact ?? '',
      key_service: 'see docs/guides/open311.md: keys are registered by the city',
      endpoints: xmlList('endpoint', [{ specification: SPEC, url: base, changeset: CHANGESET, type: 'production', formats: xmlList('format', ['text/xml', 'application/json']) }]),
    }, 200);
  };
  // The discovery's lists are arrays in JSON.
  const discoveryJson = (c: Context) => {
    const url = new URL(c.req.url);
    const base = `${url.protocol}//${url.host}/open311/v2`;
    return c.json({
      changeset: CHANGESET, contact: deps.contact ?? '', key_service: 'see docs/guides/open311.md: keys are registered by the city',
      endpoints: [{ specification: SPEC, url: base, changeset: CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] }],
    }, 200);
  };

  const serviceList = (c: Context, f: Format, q: Fields) => {
    jurisdictionOf(q);
    const en = one(q, 'locale')?.startsWith('en') ?? false;
    const rows = [...services.values()].map((s) => ({
      service_code: s.category.id,
      service_name: serviceName(s, en),
      description: `${s.category.name.zh} / ${s.category.name.en}`,
      metadata: true,
      type: 'realtime',
      keywords: [s.category.name.zh, s.category.name.en, s.group?.name.zh, s.group?.name.en].filter(Boolean).join(', '),
      group: s.group ? (en ? s.group.name.en : s.group.name.zh) : '',
    }));
    return answer(c, f, 'services', 'service', rows);
  };

  const serviceDefinition = (c: Context, f: Format, q: Fields, code: string) => {
    jurisdictionOf(q);
    const s = services.get(code);
    if (!s) throw new Open311Error(404, `没有服务 ${code}`, `no such service_code: ${code}`);
    const attrs = s.attributes.map((a, i) => ({
      variable: true,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: '',
      order: i + 1,
      description: `${a.description.zh} / ${a.description.en}`,
      ...(a.values ? { values: a.values.map((v) => ({ key: v.key, name: `${v.name.zh} / ${v.name.en}` })) } : {}),
    }));
    if (f === 'json') return c.json({ service_code: code, attributes: attrs }, 200);
    return answer(c, f, 'service_definition', '', {
      service_code: code,
      attributes: xmlList('attribute', attrs.map((a) => ({ ...a, values: a.values ? xmlList('value', a.values) : undefined }))),
    });
  };

  const listRequests = async (c: Context, f: Format, q: Fields) => {
    const j = jurisdictionOf(q);
    await book.catchUp();
    const en = one(q, 'locale')?.startsWith('en') ?? false;
    const ids = one(q, 'service_request_id');
    if (ids !== undefined) {
      const list = [...new Set(ids.split(',').map((x) => x.trim()).filter(Boolean))];
      if (list.length > maxResults) throw bad(`最多查询 ${maxResults} 个编号`, `at most ${maxResults} ids`);
      const rows: XmlObject[] = [];
      for (const id of list) {
        const s = record.cases.get(id);
        const svc = s && inJurisdiction(s, j) ? serviceOf(s) : undefined;
        if (s && svc) rows.push(requestRow(s, svc, en));
      }
      return answer(c, f, 'service_requests', 'request', rows);
    }
    const codes = one(q, 'service_code')?.split(',').map((x) => x.trim()).filter(Boolean);
    for (const code of codes ?? []) if (!services.has(code)) throw bad(`没有服务 ${code}`, `no such service_code: ${code}`);
    const statuses = one(q, 'status')?.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);
    for (const s of statuses ?? []) if (s !== 'open' && s !== 'closed') throw bad('status 只能是 open 或 closed', 'status must be open or closed');
    const { from, to } = windowOf(q);
    const f2 = record.cases.facts;
    const root = h.indexOf(j.node);
    const lo = root, hi = h.ends[root];
    const hits: number[] = [];
    for (let r = 0; r < f2.length; r++) {
      const n = f2.node[r];
      if (n < lo || n >= hi) continue;
      const t = f2.reportedAt[r];
      if (t < from || t > to) continue;
      hits.push(r);
    }
    hits.sort((a, b) => f2.reportedAt[b] - f2.reportedAt[a]);
    const rows: XmlObject[] = [];
    for (const r of hits) {
      if (rows.length >= maxResults) break;
      const s = record.cases.get(f2.caseIds[r]);
      if (!s) continue;
      const svc = serviceOf(s);
      if (!svc) continue;
      if (codes && !codes.includes(svc.category.id)) continue;
      if (statuses && !statuses.includes(open311Status(s.status))) continue;
      rows.push(requestRow(s, svc, en));
    }
    return answer(c, f, 'service_requests', 'request', rows);
  };

  const oneRequest = async (c: Context, f: Format, q: Fields, id: string) => {
    const j = jurisdictionOf(q);
    await book.catchUp();
    const s = record.cases.get(id);
    const svc = s && inJurisdiction(s, j) ? serviceOf(s) : undefined;
    if (!s || !svc) throw new Open311Error(404, `没有请求 ${id}`, `no such service_request_id: ${id}`);
    return answer(c, f, 'service_requests', 'request', [requestRow(s, svc, one(q, 'locale')?.startsWith('en') ?? false)]);
  };

  const token = async (c: Context, f: Format, q: Fields, t: string) => {
    const j = jurisdictionOf(q);
    await book.catchUp();
    const id = book.byToken.get(t);
    const s = id === undefined ? undefined : record.cases.get(id);
    if (!s || !inJurisdiction(s, j)) throw new Open311Error(404, `没有令牌 ${t}`, `no such token: ${t}`);
    return answer(c, f, 'service_requests', 'request', [{ service_request_id: s.id, token: t }]);
  };

  /** The attribute answers of a POST, checked against the service definition. */
  const attributesOf = (q: Fields, s: Open311Service): Record<string, string | string[]> => {
    const given: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(q)) {
      const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(k);
      if (!m) continue;
      (given[m[1]] ??= []).push(...(Array.isArray(v) ? v : [v]).map((x) => x.trim()).filter(Boolean));
    }
    const out: Record<string, string | string[]> = {};
    for (const code of Object.keys(given)) if (!s.attributes.some((a) => a.code === code)) throw bad(`服务 ${s.category.id} 没有属性 ${code}`, `service ${s.category.id} has no attribute ${code}`);
    for (const a of s.attributes) {
      const vals = given[a.code] ?? [];
      if (vals.length === 0) {
        if (a.required) throw bad(`缺少必填属性 ${a.code}`, `the required attribute ${a.code} is missing`);
        continue;
      }
      if (a.datatype !== 'multivaluelist' && vals.length > 1) throw bad(`属性 ${a.code} 只能有一个值`, `attribute ${a.code} takes one value`);
      if (a.values && vals.some((v) => !a.values!.some((x) => x.key === v))) throw bad(`属性 ${a.code} 的值不在列表中`, `attribute ${a.code}: a value is not one of its keys`);
      if (a.datatype === 'number' && !Number.isFinite(Number(vals[0]))) throw bad(`属性 ${a.code} 应为数字`, `attribute ${a.code} must be a number`);
      if (a.datatype === 'datetime' && !Number.isFinite(Date.parse(vals[0]))) throw bad(`属性 ${a.code} 应为日期时间`, `attribute ${a.code} must be a datetime`);
      if (vals.some((v) => v.length > 500)) throw bad(`属性 ${a.code} 过长`, `attribute ${a.code} is too long`);
      out[a.code] = a.datatype === 'multivaluelist' ? vals : vals[0];
    }
    return out;
  };

  const coordinate = (q: Fields, name: 'lat' | 'long', max: number): number | undefined => {
    const v = one(q, name);
    if (v === undefined) return undefined;
    const x = Number(v);
    if (!Number.isFinite(x) || Math.abs(x) > max) throw bad(`${name} 不是有效的 WGS-84 坐标`, `${name} is not a valid WGS-84 coordinate`);
    return x;
  };

  const postRequest = async (c: Context, f: Format, q: Fields) => {
    const j = jurisdictionOf(q);
    const key = keyOf(q, j);
    const code = one(q, 'service_code');
    if (code === undefined) throw bad('缺少 service_code', 'service_code is required');
    const svc = services.get(code);
    if (!svc) throw bad(`没有服务 ${code}`, `no such service_code: ${code}`);
    const attributes = attributesOf(q, svc);
    const lat = coordinate(q, 'lat', 90), long = coordinate(q, 'long', 180);
    if ((lat === undefined) !== (long === undefined)) throw bad('lat 与 long 须同时给出', 'lat and long go together');
    const address = one(q, 'address_string'), addressId = one(q, 'address_id');
    if (lat === undefined && address === undefined && addressId === undefined) {
      throw bad('需要位置：lat/long、address_string 或 address_id', 'a location is required: lat/long, address_string or address_id');
    }
    if (address !== undefined && address.length > 500) throw bad('地址过长（最多 500 字）', 'address_string is too long (at most 500 characters)');
    const media = one(q, 'media_url');
    if (media !== undefined && (!/^https?:\/\/\S+$/i.test(media) || media.length > 1000)) throw bad('media_url 不是有效的网址', 'media_url is not a valid http(s) URL');
    // What was sent about the place and the photo goes into the case's description, which the
    // core shows to the officers who need it and masks for everyone else.
    const said = one(q, 'description') ?? `${svc.category.name.zh}（${svc.category.name.en}）`;
    const description = [
      said,
      ...(address !== undefined ? [`地址 Address: ${address}`] : []),
      ...(lat !== undefined && long !== undefined ? [`坐标 WGS-84: ${lat}, ${long}`] : []),
      ...(media !== undefined ? [`图片 Media: ${media}`] : []),
    ].join('\n');
    if (description.length > 2000) {
      throw bad('描述过长：案件记录最多 2000 字（含地址与图片网址）', 'description is too long: the case record holds at most 2,000 characters (address and media URL included)');
    }
    const root = h.indexOf(j.node);
    let at: Located | undefined;
    if (lat !== undefined && long !== undefined) {
      if (!locator.hasMap && address === undefined && addressId === undefined) throw bad('本市未配置地图：请给出 address_string 或 address_id', 'this city has no map: give address_string or address_id');
      at = locator.byCoordinates(root, long, lat);
    }
    if (!at && addressId !== undefined) {
      const p = h.indexOf(addressId);
      if (p >= 0 && h.isAncestor(root, p)) at = { pos: p, by: 'address_id' };
    }
    if (!at && address !== undefined) at = locator.byAddress(root, address);
    if (!at) throw bad('位置不在本辖区内，或无法识别', 'the location lies outside the jurisdiction or was not recognised');

    const contact = ['first_name', 'last_name', 'email', 'phone'].map((k) => one(q, k)).filter((x): x is string => x !== undefined).join(' ');
    if (contact.length > 200) throw bad('联系方式过长', 'the contact fields are too long');
    const actor = keyActor(key, j.node);
    const commandId = `open311-${randomUUID()}`;
    const node = h.code(at.pos);
    const out = await record.execute(actor, {
      type: 'discover', node, source: key.source, description,
      ...(contact ? { reporter: contact } : {}),
    }, commandId, deps.clock);
    const intake: Intake = {
      caseId: out.caseId, token: commandId, application: key.application, serviceCode: code, at: out.events[0]?.at ?? deps.clock(), attributes,
    };
    if (!out.duplicate) {
      await record.appendOther(`open311-${out.caseId}`, INTAKE_STREAM_TYPE, [{ type: INTAKE_EVENT, data: intake, meta: { actor: actor.id }, time: intake.at }], 'any', `${commandId}:intake`);
    }
    let notice = statusNotes('discovered');
    if (svc.register && key.grants?.length) {
      // Registration where the service says so, by the key's own grant; a refusal leaves the
      // case awaiting registration by an officer, as any other report.
      const urgency = typeof attributes.urgency === 'string' ? attributes.urgency : 'normal';
      const p = lat !== undefined && long !== undefined ? locator.toCity(long, lat) : undefined;
      try {
        await record.execute(actor, {
          type: 'register', caseId: out.caseId, expectedVersion: out.version, category: code, urgency, description,
          ...(address !== undefined ? { address } : {}), ...(p ? { lng: p[0], lat: p[1] } : {}),
        }, `${commandId}:register`, deps.clock);
        notice = statusNotes('registered');
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }
    await book.catchUp();
    return answer(c, f, 'service_requests', 'request', [{ service_request_id: out.caseId, token: commandId, service_notice: notice }], 201);
  };

  /** Each change of a case's extended status, from its events in the store: update id = the event's global position. */
  const updatesOf = async (s: CaseState, from: number, to: number): Promise<XmlObject[]> => {
    const stored = await store.readStream(caseStream(s.id));
    const out: XmlObject[] = [];
    let state: CaseState | undefined;
    let last: ExtendedStatus | undefined;
    for (const e of stored) {
      const ev: AnyCaseEvent = fromStored(e);
      state = evolveCase(state, ev);
      const ext: ExtendedStatus = ev.type === 'reopened' ? 'reopen' : EXTENDED_STATUS[state.status];
      const changed = ext !== last || ev.type === 'reopened' || ev.type === 'closed';
      last = ext;
      if (!changed || ev.at < from || ev.at > to) continue;
      out.push({
        update_id: String(e.position),
        service_request_id: s.id,
        status: ext,
        updated_datetime: date(ev.at),
        description: ev.type === 'reopened' ? '已重新办理 (Reopened)' : statusNotes(state.status),
        external_status_code: state.status,
      });
    }
    return out;
  };

  const listUpdates = async (c: Context, f: Format, q: Fields) => {
    const j = jurisdictionOf(q);
    await book.catchUp();
    const { from, to } = windowOf(q);
    const only = one(q, 'service_request_id')?.split(',').map((x) => x.trim()).filter(Boolean);
    const ids = only ?? (() => {
      const f2 = record.cases.facts;
      const root = h.indexOf(j.node);
      const list: string[] = [];
      for (let r = 0; r < f2.length; r++) {
        const n = f2.node[r];
        if (n < root || n >= h.ends[root] || f2.reportedAt[r] > to) continue;
        const id = f2.caseIds[r];
        const s = record.cases.get(id);
        if (s && s.lastAt >= from) list.push(id);
      }
      return list;
    })();
    const rows: XmlObject[] = [];
    for (const id of ids) {
      const s = record.cases.get(id);
      if (!s || !inJurisdiction(s, j) || !serviceOf(s)) continue;
      rows.push(...(await updatesOf(s, from, to)));
      if (rows.length >= maxResults) break;
    }
    rows.sort((a, b) => Number(a.update_id) - Number(b.update_id));
    return answer(c, f, 'service_requests_updates', 'request_update', rows.slice(0, maxResults));
  };

  const postUpdate = async (c: Context, f: Format, q: Fields) => {
    const j = jurisdictionOf(q);
    const key = keyOf(q, j);
    await book.catchUp();
    const id = one(q, 'service_request_id');
    if (id === undefined) throw bad('缺少 service_request_id', 'service_request_id is required');
    const s = record.cases.get(id);
    if (!s || !inJurisdiction(s, j) || !serviceOf(s)) throw new Open311Error(404, `没有请求 ${id}`, `no such service_request_id: ${id}`);
    const status = one(q, 'status')?.toUpperCase();
    if (status !== 'OPEN' && status !== 'CLOSED' && status !== 'FIXED') throw bad('status 须为 OPEN、CLOSED 或 FIXED', 'status must be OPEN, CLOSED or FIXED');
    const sat = Number(one(q, 'satisfaction') ?? NaN);
    if (!Number.isInteger(sat) || sat < 1 || sat > 5) throw bad('回访需要满意度 satisfaction（1–5）', 'a follow-up needs satisfaction (1–5)');
    const note = one(q, 'description');
    if (note !== undefined && note.length > 2000) throw bad('描述过长（最多 2000 字）', 'description is too long (at most 2,000 characters)');
    const updateId = one(q, 'update_id');
    if (updateId !== undefined && !/^[A-Za-z0-9._-]{1,80}$/.test(updateId)) throw bad('update_id 无效', 'update_id is not valid');
    const actor = keyActor(key, j.node);
    const commandId = `open311-update-${key.application}-${updateId ?? randomUUID()}`;
    // the same update sent again: its first answer, nothing recorded
    const earlier = (await store.readStream(caseStream(s.id))).find((e) => e.meta?.commandId === commandId);
    const out = earlier ? { events: [{ position: earlier.position }] } : await record.execute(actor, {
      type: 'followUp', caseId: s.id, expectedVersion: s.version, satisfaction: sat, recurred: status === 'OPEN', ...(note ? { note } : {}),
    }, commandId, deps.clock);
    const pos = out.events[out.events.length - 1]?.position;
    return answer(c, f, 'service_requests_updates', 'request_update', [{ update_id: String(pos) }], 201);
  };

  // ---------------------------------------------------------------- routing
  app.all('/open311/v2/*', async (c) => {
    const rest = c.req.path.slice('/open311/v2/'.length);
    const m = /^(.*)\.(json|xml)$/.exec(rest);
    const f: Format = m?.[2] === 'json' ? 'json' : 'xml';
    try {
      if (!m) throw new Open311Error(404, '没有此端点：路径须以 .json 或 .xml 结尾', 'no such endpoint: the path ends in .json or .xml');
      const path = m[1];
      const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
      const q = await fields(c);
      const slash = path.indexOf('/');
      const head = slash < 0 ? path : path.slice(0, slash);
      const arg = slash < 0 ? undefined : decodeURIComponent(path.slice(slash + 1));
      if (arg !== undefined && (arg === '' || arg.includes('/'))) throw new Open311Error(404, '没有此端点', 'no such endpoint');
      const route = `${method} ${head}${arg === undefined ? '' : '/*'}`;
      switch (route) {
        case 'GET discovery': return f === 'json' ? discoveryJson(c) : discovery(c, f);
        case 'GET services': return serviceList(c, f, q);
        case 'GET services/*': return serviceDefinition(c, f, q, arg!);
        case 'GET requests': return await listRequests(c, f, q);
        case 'POST requests': return await postRequest(c, f, q);
        case 'GET requests/*': return await oneRequest(c, f, q, arg!);
        case 'GET tokens/*': return await token(c, f, q, arg!);
        case 'GET servicerequestupdates': return await listUpdates(c, f, q);
        case 'POST servicerequestupdates': return await postUpdate(c, f, q);
        default: throw new Open311Error(404, `没有此端点：${method} ${path}`, `no such endpoint: ${method} ${path}`);
      }
    } catch (e) {
      if (e instanceof Open311Error) return fail(c, f, e);
      if (e instanceof ApiError) return fail(c, f, fromApi(e));
      throw e;
    }
  });
}
