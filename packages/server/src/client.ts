/**
 * The typed client of the Jiceng API: plain `fetch`, types from the server's own zod schemas
 * (type imports only: nothing of the server is bundled). For portals, mobile web apps and
 * the examples; the elements themselves never fetch — the host passes data in.
 * @module
 */
import type { CaseCommand, CaseCommandOf } from '@jiceng/core/cases';
import type {
  CaseFile, CaseListBody, CommandResult, DashboardSliceBody, FeedItemBody, GeometryBody, HealthBody, ListsBody, MeBody, NodeBody, PersonBody,
  RankingBody, RegistryListBody, TokenBody,
} from './schemas.js';
import type { ApiErrorBody } from './errors.js';
import type { AlertCommandInput, AlertFeedBody, AlertFileBody, AlertListBody, AlertMeasuresBody, AlertResultBody, BoardBody } from './routes/alerts.js';
import type {
  EngagementCandidateBody, EngagementFeedItemBody, EngagementMeBody, EngagementMemberBody, EngagementMemberRankBody, EngagementOrderBody,
  EngagementOutcomeBody, EngagementParticipationBody, EngagementStatementBody,
} from './routes/engagement.js';

/**
 * An error answer of the API: the HTTP status and the body `{ error: { code, zh, en, fields? } }`.
 *
 * @example
 * ```ts
 * try { await client.command(id, cmd); } catch (e) { if (e instanceof JicengApiError && e.status === 409) reload(e.error.currentVersion); }
 * ```
 */
export class JicengApiError extends Error {
  /** The HTTP status. */
  readonly status: number;
  /** The error body. */
  readonly error: ApiErrorBody['error'];
  constructor(status: number, error: ApiErrorBody['error']) {
    // An answer the client cannot read is still a JicengApiError, with a code and zh/en text.
    if (typeof error !== 'object' || error === null || typeof error.code !== 'string' || typeof error.zh !== 'string' || typeof error.en !== 'string') {
      error = { code: 'E_BAD_RESPONSE', zh: '服务器的回答无法识别', en: 'the server answer is not recognised' };
    }
    if (!Number.isSafeInteger(status)) status = 0;
    super(`${status} ${error.code}: ${error.en}`);
    this.status = status;
    this.error = error;
  }
}

/**
 * Options of {@link JicengClient}.
 *
 * @example
 * ```ts
 * const o: ClientOptions = { baseUrl: 'http://127.0.0.1:4173', token: localStorage.getItem('jiceng.token') ?? undefined };
 * ```
 */
export interface ClientOptions {
  /** Where the API answers (its origin; paths start with `/api`). Default: the page's origin. */
  baseUrl?: string;
  /** The bearer token. */
  token?: string;
  /** A `fetch` to use (tests pass `app.request`'s equivalent). Default the global one. */
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
}

/** A query of the case list. @example `const q: CaseQuery = { node: '350302000000', status: 'handling' };` */
export interface CaseQuery {
  node?: string; status?: string; category?: string; source?: string; period?: string; limit?: number; offset?: number;
}

/** Options of {@link JicengClient.feed}. @example `const o: FeedOptions = { onChange: (it) => console.log(it.caseId) };` */
export interface FeedOptions {
  /** Resume after this position (the last `id` seen). */
  after?: number;
  /** Each change in the caller's scope. */
  onChange: (item: FeedItemBody) => void;
  /** The feed caught up (replay done) at this position. */
  onReady?: (position: number) => void;
  /** The gap was too long to replay: reload the views, then continue from `position`. */
  onReset?: (position: number) => void;
  /** Each alert change in the caller's scope (raised, acknowledged, assigned, escalated, resolved). */
  onAlert?: (item: AlertFeedBody) => void;
  /** Stops the feed. */
  signal?: AbortSignal;
}

const newId = (): string => globalThis.crypto.randomUUID();

/**
 * The client. Every method answers the route's typed body or throws {@link JicengApiError}.
 *
 * @example
 * ```ts
 * const client = new JicengClient({ baseUrl: 'http://127.0.0.1:4173', token });
 * const slice = await client.dashboard({ node: '350300000000', period: '2025' });
 * const file = await client.caseFile('PT-0000001');
 * await client.command('PT-0000001', { type: 'supervise', caseId: 'PT-0000001', expectedVersion: file.case.version, note: '请加快' });
 * ```
 */
export class JicengClient {
  private readonly base: string;
  private token: string | undefined;
  private readonly doFetch: (input: string, init?: RequestInit) => Promise<Response>;

  constructor(opts: ClientOptions = {}) {
    this.base = (opts.baseUrl ?? '').replace(/\/$/, '');
    this.token = opts.token;
    this.doFetch = opts.fetch ?? ((i, init) => globalThis.fetch(i, init));
  }

  /** Sets (or clears) the bearer token. @example `client.setToken(t.token);` */
  setToken(token: string | undefined): void {
    this.token = token;
  }

  private async call<T>(method: string, path: string, query?: Record<string, unknown>, body?: unknown): Promise<T> {
    const qs = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)])).toString() : '';
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await this.doFetch(`${this.base}${path}${qs ? `?${qs}` : ''}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    const json: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new JicengApiError(res.status, (json as ApiErrorBody | undefined)?.error ?? { code: 'E_HTTP', zh: `HTTP ${res.status}`, en: `HTTP ${res.status}` });
    return json as T;
  }

  /** Liveness. @example `await client.health();` */
  health(): Promise<HealthBody> { return this.call('GET', '/api/health'); }
  /** The caller. @example `(await client.me()).scope[0].name.zh;` */
  me(): Promise<MeBody> { return this.call('GET', '/api/me'); }
  /** One node. @example `await client.node('350302000000');` */
  node(code: string): Promise<NodeBody> { return this.call('GET', `/api/hierarchy/nodes/${encodeURIComponent(code)}`); }
  /** A node's children. @example `await client.children('350300000000');` */
  children(code: string): Promise<NodeBody[]> { return this.call('GET', `/api/hierarchy/nodes/${encodeURIComponent(code)}/children`); }
  /** The root-to-node path. @example `await client.path(code);` */
  path(code: string): Promise<NodeBody[]> { return this.call('GET', `/api/hierarchy/nodes/${encodeURIComponent(code)}/path`); }
  /** The outlines of a node and its children for the map (GeoJSON, WGS-84, `properties.code`). @example `await client.geometry('350302000000');` */
  geometry(code: string): Promise<GeometryBody> { return this.call('GET', `/api/geometry/nodes/${encodeURIComponent(code)}`); }
  /** Nodes by name, pinyin initials or code. @example `await client.search('lcq');` */
  search(q: string, limit?: number): Promise<NodeBody[]> { return this.call('GET', '/api/hierarchy/search', { q, limit }); }
  /** A page of cases in scope. @example `await client.cases({ node, status: 'dispatched' });` */
  cases(q: CaseQuery = {}): Promise<CaseListBody> { return this.call('GET', '/api/cases', q as Record<string, unknown>); }
  /** One case's file, masked for the caller. @example `await client.caseFile('PT-0000001', '回访');` */
  caseFile(id: string, purpose?: string): Promise<CaseFile> { return this.call('GET', `/api/cases/${encodeURIComponent(id)}`, { purpose }); }
  /**
   * Records a new case. Pass the same `commandId` when retrying: the case is recorded once.
   * @example `await client.discover({ type: 'discover', node: unit, source: 'patrol', description: '井盖缺失' });`
   */
  discover(command: CaseCommandOf<'discover'>, commandId: string = newId()): Promise<CommandResult> {
    return this.call('POST', '/api/cases', undefined, { commandId, command });
  }
  /**
   * Runs a command on a case (its `expectedVersion` is the version last seen). Pass the same
   * `commandId` when retrying. 409: the case changed (`error.currentVersion`).
   * @example `await client.command(id, { type: 'accept', caseId: id, expectedVersion: 3 });`
   */
  command(caseId: string, command: CaseCommand | CaseCommandOf<Exclude<CaseCommand['type'], 'discover' | 'recordPatrol'>>, commandId: string = newId()): Promise<CommandResult> {
    return this.call('POST', `/api/cases/${encodeURIComponent(caseId)}/commands`, undefined, { commandId, command });
  }
  /** The dashboard slice. @example `await client.dashboard({ node: '350300000000', period: '2025-Q3', topic: 'safety' });` */
  dashboard(q: { node: string; period?: string; topic?: string; rankBy?: string; trendRate?: string }): Promise<DashboardSliceBody> {
    return this.call('GET', '/api/metrics/dashboard', q);
  }
  /** A ranking of children (or descendants at a level). @example `await client.ranking({ node: '350300000000', indicator: 'overdue', level: 'town' });` */
  ranking(q: { node: string; indicator?: string; period?: string; topic?: string; level?: string; limit?: number }): Promise<RankingBody> {
    return this.call('GET', '/api/metrics/ranking', q);
  }
  /** The lists in scope. @example `(await client.lists()).work.length;` */
  lists(): Promise<ListsBody> { return this.call('GET', '/api/lists'); }
  /** Registry records (a purpose is required; the read is audited). @example `await client.registry({ purpose: '季度随访' });` */
  registry(q: { purpose: string; overdueOnly?: boolean }): Promise<RegistryListBody> {
    return this.call('GET', '/api/registry', { purpose: q.purpose, ...(q.overdueOnly !== undefined ? { overdueOnly: String(q.overdueOnly) } : {}) });
  }
  /** A registry command. @example `await client.registryCommand({ type: 'followed-up', personId: 'p1', riskLevel: 1 });` */
  registryCommand(command: { type: string; personId: string; [k: string]: unknown }, commandId: string = newId()): Promise<{ personId: string; type: string }> {
    return this.call('POST', '/api/registry/commands', undefined, { commandId, command });
  }
  /**
   * Alerts in scope (default: unresolved), with the actions the caller may run on each.
   * @example `(await client.alerts({ node: townCode })).items.filter((a) => a.actions.includes('acknowledge'));`
   */
  alerts(q: { node?: string; status?: string; limit?: number } = {}): Promise<AlertListBody> { return this.call('GET', '/api/alerts', q); }
  /** One alert and its events. @example `(await client.alert('A-1F2E3D4C5B6A79')).events.length;` */
  alert(id: string): Promise<AlertFileBody> { return this.call('GET', `/api/alerts/${encodeURIComponent(id)}`); }
  /**
   * An alert command (acknowledge, assign, escalate, resolve) with the version last seen.
   * Pass the same `commandId` when retrying: it is recorded once.
   * @example `await client.alertCommand(a.id, { type: 'acknowledge', alertId: a.id, expectedVersion: a.version });`
   */
  alertCommand(alertId: string, command: AlertCommandInput, commandId: string = newId()): Promise<AlertResultBody> {
    return this.call('POST', `/api/alerts/${encodeURIComponent(alertId)}/commands`, undefined, { commandId, command });
  }
  /**
   * The command post's board of a node (dispatch from it with {@link command}). Deadlines
   * without a step are `null`.
   * @example `const b = await client.board(townCode); b.rows[0].waitingFor;`
   */
  board(node: string): Promise<BoardBody> { return this.call('GET', '/api/alerts/board', { node }); }
  /** Alerts per child of a node and the time to acknowledge. @example `(await client.alertMeasures(townCode)).medianAckMinutes;` */
  alertMeasures(node: string): Promise<AlertMeasuresBody> { return this.call('GET', '/api/alerts/measures', { node }); }
  /** Development sign-in: places by name. @example `await client.devPlaces('拱辰');` */
  devPlaces(q: string): Promise<NodeBody[]> { return this.call('GET', '/api/dev/places', { q }); }
  /** Development sign-in: the people acting at or above a node. @example `await client.devPeople(gridCode);` */
  devPeople(node: string): Promise<PersonBody[]> { return this.call('GET', '/api/dev/people', { node }); }
  /** Development sign-in: a token for a person (also set on this client). @example `await client.devToken('to1-350302001000');` */
  async devToken(person: string): Promise<TokenBody> {
    const t = await this.call<TokenBody>('POST', '/api/dev/token', undefined, { person });
    this.token = t.token;
    return t;
  }

  /**
   * The URL of the live feed for an `EventSource` (which cannot send headers: the token goes
   * in the query). Each message `change` carries a {@link FeedItemBody}; its `id` is the position.
   *
   * @example
   * ```ts
   * const es = new EventSource(client.feedUrl());
   * es.addEventListener('change', (e) => refresh(JSON.parse(e.data)));
   * ```
   */
  feedUrl(after?: number): string {
    const q = new URLSearchParams();
    if (this.token) q.set('access_token', this.token);
    if (after !== undefined) q.set('after', String(after));
    return `${this.base}/api/feed?${q}`;
  }

  /**
   * Follows the live feed with `fetch` (the bearer header, resumable): resolves when the
   * feed ends or `signal` aborts.
   *
   * @example
   * ```ts
   * const stop = new AbortController();
   * void client.feed({ onChange: (it) => console.log(it.caseId, it.status), signal: stop.signal });
   * ```
   */
  async feed(opts: FeedOptions): Promise<void> {
    return this.sse('/api/feed', opts);
  }

  /** Reads a Server-Sent Events route with `fetch` (the bearer header), handing each `change` to `onChange`. */
  private async sse<T>(path: string, opts: Omit<FeedOptions, 'onChange'> & { onChange: (item: T) => void }): Promise<void> {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const q = opts.after !== undefined ? `?after=${opts.after}` : '';
    let res: Response;
    try {
      res = await this.doFetch(`${this.base}${path}${q}`, { headers, ...(opts.signal ? { signal: opts.signal } : {}) });
    } catch (e) {
      if (opts.signal?.aborted) return;
      throw e;
    }
    if (!res.ok || !res.body) {
      const json: unknown = await res.json().catch(() => undefined);
      throw new JicengApiError(res.status, (json as ApiErrorBody | undefined)?.error ?? { code: 'E_HTTP', zh: `HTTP ${res.status}`, en: `HTTP ${res.status}` });
    }
    const reader = res.body.getReader();
    const dec = new TextDecoder();
    let buf = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += dec.decode(value, { stream: true });
        let cut: number;
        while ((cut = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, cut);
          buf = buf.slice(cut + 2);
          let event = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data += line.slice(5).trimStart();
          }
          if (event === 'change') opts.onChange(JSON.parse(data) as T);
          else if (event === 'ready') opts.onReady?.((JSON.parse(data) as { position: number }).position);
          else if (event === 'reset') opts.onReset?.((JSON.parse(data) as { position: number }).position);
          else if (event === 'alert') opts.onAlert?.(JSON.parse(data) as AlertFeedBody);
        }
      }
    } catch (e) {
      if (opts.signal?.aborted) return;
      throw e;
    } finally {
      reader.releaseLock?.();
    }
  }

  /** Service orders the caller may see. @example `(await client.engagementOrders({ node: village, status: 'ordered' })).items;` */
  engagementOrders(q: { node?: string; status?: string; mine?: boolean; limit?: number; offset?: number } = {}): Promise<{ total: number; items: EngagementOrderBody[] }> {
    return this.call('GET', '/api/engagement/orders', { ...q, ...(q.mine !== undefined ? { mine: String(q.mine) } : {}) });
  }
  /** Members suggested for an order (staff). @example `(await client.engagementCandidates('o-1'))[0].member;` */
  engagementCandidates(order: string): Promise<EngagementCandidateBody[]> {
    return this.call('GET', `/api/engagement/orders/${encodeURIComponent(order)}/candidates`);
  }
  /** Members reported under a node (staff). @example `await client.engagementMembers(village);` */
  engagementMembers(node: string, limit?: number): Promise<EngagementMemberBody[]> {
    return this.call('GET', '/api/engagement/members', { node, limit });
  }
  /** The caller as a member, and their accounts. @example `(await client.engagementMe()).accounts;` */
  engagementMe(): Promise<EngagementMeBody> { return this.call('GET', '/api/engagement/me'); }
  /** A statement of an account. @example `await client.engagementStatement('time:pm1-350302001001');` */
  engagementStatement(account: string, range: { from?: number; to?: number } = {}): Promise<EngagementStatementBody> {
    return this.call('GET', `/api/engagement/accounts/${encodeURIComponent(account)}/statement`, range);
  }
  /** Participation ranked per grid, village or town under a node. @example `await client.engagementRanking({ node: town, level: 'village' });` */
  engagementRanking(q: { node: string; level?: string; sortBy?: string }): Promise<EngagementParticipationBody[]> {
    return this.call('GET', '/api/engagement/ranking', q);
  }
  /** Members under a node ranked by points (others' names masked). @example `await client.engagementMemberRanking(village);` */
  engagementMemberRanking(node: string, limit?: number): Promise<EngagementMemberRankBody[]> {
    return this.call('GET', '/api/engagement/ranking/members', { node, limit });
  }
  /**
   * An engagement command (its `commandId` is the body's: pass the same one when retrying, and
   * it is recorded once).
   * @example `await client.engagementCommand({ type: 'acceptOrder', order: 'o-1' });`
   */
  engagementCommand(command: { type: string; [k: string]: unknown }, commandId: string = newId()): Promise<EngagementOutcomeBody> {
    return this.call('POST', '/api/engagement/commands', undefined, { commandId, command });
  }
  /**
   * Follows the engagement feed with `fetch`: resolves when it ends or `signal` aborts.
   * @example `void client.engagementFeed({ onChange: (it) => refresh(it.order), signal });`
   */
  engagementFeed(opts: Omit<FeedOptions, 'onChange'> & { onChange: (item: EngagementFeedItemBody) => void }): Promise<void> {
    return this.sse('/api/engagement/feed', opts);
  }
}
