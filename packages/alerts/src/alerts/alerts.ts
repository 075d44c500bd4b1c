/**
 * `<jc-alerts>`: the live list of a node's alerts.
 * @module
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { themeTokens } from '@jiceng/ui';
import type { AlertRow } from '@jiceng/core/alerts';
import { JcAlertsBase } from '../shared/base.js';
import { age, fill } from '../shared/i18n.js';
import { listStyles } from '../shared/styles.js';

const RESOLUTIONS = ['handled', 'false-alarm', 'duplicate', 'expired'] as const;
/** The default list, before the host sets one. */
const NONE: AlertRow[] = [];

/**
 * A live list of alerts for a node: severity (in words, not colour alone), rule, place,
 * age and the actions the viewer's role allows (from the core's `alertRows`). New alerts are
 * announced politely to screen readers in one concise message. Data in as properties, a
 * `jc-command` out for each action.
 *
 * @tagname jc-alerts
 * @fires jc-command - {@link JcAlertCommandDetail}: `acknowledge`, `assign`, `escalate` or `resolve`, ready for `decideAlert`.
 * @csspart list - the list of alerts
 * @csspart item - one alert
 * @csspart actions - the action buttons of an alert
 * @csspart live - the polite live region
 * @cssproperty --jc-color-bad - colour of critical alerts
 * @cssproperty --jc-color-warn - colour of warnings
 *
 * @example
 * ```ts
 * const list = document.querySelector('jc-alerts')!;
 * list.alerts = alertRows(visibleAlerts(log.all(), scope, hierarchy), actor, ctx, categories);
 * list.addEventListener('jc-command', (e) => log.execute(e.detail.command, actor, ctx));
 * ```
 */
export class JcAlerts extends JcAlertsBase {
  /** The element's styles: the shared theme tokens, then the list's own. */
  static override styles = [themeTokens, listStyles];

  /** The alerts to show, in order (see the core's `alertRows`). */
  @property({ attribute: false }) alerts: AlertRow[] = NONE;
  /** People an alert may be assigned to (the assign menu); none: no assign button. */
  @property({ attribute: false }) assignees: { id: string; name: string }[] = [];
  /** Accessible name of the list (default: the `label` string). */
  @property() label = '';

  /** The current live-region message. */
  @state() private announcement = '';
  private seen: Set<string> | null = null;

  protected keys(): string[] {
    return this.alerts.map((a) => a.id);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!changed.has('alerts') || this.alerts === NONE) return;
    const ids = new Set(this.alerts.map((a) => a.id));
    // The first data set is the page loading, not news: only later arrivals are announced.
    if (this.seen) {
      const fresh = this.alerts.filter((a) => !this.seen!.has(a.id) && a.status !== 'resolved');
      if (fresh.length) {
        const lang = this.uiLang;
        const f = fresh[0];
        this.announcement = fill(this.s.announce, { n: fresh.length, first: `${this.s.severity[f.severity]} ${f.ruleName[lang]} ${f.place[lang]}` });
      }
    }
    this.seen = ids;
  }

  protected override render(): TemplateResult {
    const s = this.s;
    return html`
      <div part="live" class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${this.alerts.length === 0
        ? html`<p class="empty">${s.empty}</p>`
        : html`<ul part="list" aria-label=${this.label || s.label} @keydown=${this.onListKey} @focusin=${this.onFocusIn}>
            ${this.alerts.map((a, i) => this.item(a, i))}
          </ul>`}`;
  }

  private item(a: AlertRow, i: number): TemplateResult {
    const s = this.s;
    const lang = this.uiLang;
    const tab = this.tabFor(i);
    const open = this.menu?.key === a.id ? this.menu.kind : null;
    const id = `a-${i}`;
    return html`<li part="item" data-key=${a.id} tabindex=${tab} aria-labelledby=${id}>
      <div class="head">
        <span class="badge ${a.severity}">${s.severity[a.severity]}</span>
        <span class="title" id=${id}>${a.ruleName[lang]} · ${a.place[lang]}</span>
      </div>
      <div class="muted">
        ${s.status[a.status]} · ${age(s, a.raisedAt, this.nowMs)}${a.count > 1 ? html` · ${fill(s.count, { n: a.count })}` : nothing}${a.categoryName ? html` · ${a.categoryName[lang]}` : nothing}${a.caseId ? html` · ${a.caseId}` : nothing}${a.escalations ? html` · ${fill(s.escalated, { n: a.escalations })}` : nothing}
      </div>
      ${a.actions.length ? html`<div class="actions" part="actions">
        ${a.actions.includes('acknowledge') ? html`<button type="button" tabindex=${tab} @click=${() => this.act(a, { type: 'acknowledge' })}>${s.actions.acknowledge}</button>` : nothing}
        ${a.actions.includes('assign') && this.assignees.length ? html`<button type="button" tabindex=${tab} data-opens="assign" aria-haspopup="menu" aria-expanded=${open === 'assign' ? 'true' : 'false'} @click=${() => this.toggleMenu(a.id, 'assign')}>${s.actions.assign}</button>` : nothing}
        ${a.actions.includes('escalate') ? html`<button type="button" tabindex=${tab} @click=${() => this.act(a, { type: 'escalate', reason: s.escalateReason })}>${s.actions.escalate}</button>` : nothing}
        ${a.actions.includes('resolve') ? html`<button type="button" tabindex=${tab} data-opens="resolve" aria-haspopup="menu" aria-expanded=${open === 'resolve' ? 'true' : 'false'} @click=${() => this.toggleMenu(a.id, 'resolve')}>${s.actions.resolve}</button>` : nothing}
      </div>` : nothing}
      ${open === 'resolve' ? html`<div role="menu" aria-label=${s.resolveMenu}>
        ${RESOLUTIONS.map((r) => html`<button type="button" role="menuitem" tabindex="-1" @click=${() => this.act(a, { type: 'resolve', reason: r })}>${s.resolutions[r]}</button>`)}
      </div>` : nothing}
      ${open === 'assign' ? html`<div role="menu" aria-label=${s.assignMenu}>
        ${this.assignees.map((p) => html`<button type="button" role="menuitem" tabindex="-1" @click=${() => this.act(a, { type: 'assign', to: p.id })}>${p.name}</button>`)}
      </div>` : nothing}
    </li>`;
  }

  private act(a: AlertRow, rest: Record<string, unknown> & { type: string }): void {
    this.menu = null;
    this.send({ ...rest, alertId: a.id, expectedVersion: a.version });
  }
}
