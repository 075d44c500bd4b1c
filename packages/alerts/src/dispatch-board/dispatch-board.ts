/**
 * `<jc-dispatch-board>`: the command post's board 指挥调度.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { themeTokens } from '@jiceng/ui';
import type { BoardLoad, BoardRow } from '@jiceng/core/alerts';
import { JcAlertsBase } from '../shared/base.js';
import { fill, shortTime } from '../shared/i18n.js';
import { listStyles } from '../shared/styles.js';

/**
 * The command post's board: the cases waiting in a node to be registered, dispatched or
 * accepted, sorted by deadline (as the core's `dispatchBoard` gives them), and each handling
 * body's current load. A case waiting for dispatch has a Dispatch menu of the bodies on its
 * path, each with its load; choosing one sends a ready `dispatch` command.
 *
 * @tagname jc-dispatch-board
 * @fires jc-command - {@link JcAlertCommandDetail}: a case `dispatch` command, ready for `decide`.
 * @csspart list - the list of waiting cases
 * @csspart item - one waiting case
 * @csspart loads - the table of loads
 * @cssproperty --jc-color-bad - colour of overdue deadlines
 *
 * @example
 * ```ts
 * const b = dispatchBoard(store.all(), { hierarchy, categories }, hierarchy.indexOf(town), Date.now());
 * Object.assign(document.querySelector('jc-dispatch-board')!, b);
 * board.addEventListener('jc-command', (e) => store.execute(e.detail.command, actor, ctx));
 * ```
 */
export class JcDispatchBoard extends JcAlertsBase {
  /** The element's styles: the shared theme tokens, then the board's own. */
  static override styles = [themeTokens, listStyles];

  /** The waiting cases, in order. */
  @property({ attribute: false }) rows: BoardRow[] = [];
  /** The handling bodies' loads. */
  @property({ attribute: false }) loads: BoardLoad[] = [];
  /** Accessible name of the list (default: the `boardLabel` string). */
  @property() label = '';

  protected keys(): string[] {
    return this.rows.map((r) => r.caseId);
  }

  protected override render(): TemplateResult {
    const s = this.s;
    const lang = this.uiLang;
    return html`
      ${this.rows.length === 0
        ? html`<p class="empty">${s.boardEmpty}</p>`
        : html`<ul part="list" aria-label=${this.label || s.boardLabel} @keydown=${this.onListKey} @focusin=${this.onFocusIn}>
            ${this.rows.map((r, i) => this.item(r, i))}
          </ul>`}
      ${this.loads.length ? html`<table part="loads">
        <caption>${s.loadsCaption}</caption>
        <thead><tr><th scope="col">${s.body}</th><th scope="col" class="num">${s.loadWaiting}</th><th scope="col" class="num">${s.loadHandling}</th><th scope="col" class="num">${s.loadOverdue}</th></tr></thead>
        <tbody>${this.loads.map((l) => html`<tr><th scope="row">${l.name[lang]}</th><td class="num">${l.waiting}</td><td class="num">${l.handling}</td><td class="num">${l.overdue}</td></tr>`)}</tbody>
      </table>` : nothing}`;
  }

  private item(r: BoardRow, i: number): TemplateResult {
    const s = this.s;
    const lang = this.uiLang;
    const tab = this.tabFor(i);
    const open = this.menu?.key === r.caseId;
    const late = Number.isFinite(r.deadline) && r.deadline <= this.nowMs;
    const id = `b-${i}`;
    const load = (node: string) => this.loads.find((l) => l.node === node);
    return html`<li part="item" data-key=${r.caseId} tabindex=${tab} aria-labelledby=${id}>
      <div class="head">
        <span class="badge">${s.waiting[r.waitingFor]}</span>
        <span class="title" id=${id}>${r.caseId} · ${r.place[lang]}${r.categoryName ? ` · ${r.categoryName[lang]}` : ''}</span>
      </div>
      <div class=${late ? 'late' : 'muted'}>
        ${Number.isFinite(r.deadline) ? fill(s.deadline, { time: shortTime(r.deadline) }) : s.noDeadline}${late ? ` · ${s.overdue}` : ''}
      </div>
      ${r.waitingFor === 'dispatch' && r.targets.length ? html`<div class="actions">
        <button type="button" tabindex=${tab} data-opens="dispatch" aria-haspopup="menu" aria-expanded=${open ? 'true' : 'false'} @click=${() => this.toggleMenu(r.caseId, 'dispatch')}>${s.dispatch}</button>
      </div>` : nothing}
      ${open ? html`<div role="menu" aria-label=${s.dispatchMenu}>
        ${r.targets.map((t) => {
          const l = load(t.node);
          return html`<button type="button" role="menuitem" tabindex="-1" @click=${() => this.dispatchTo(r, t.node)}>${t.name[lang]}${l ? ` (${s.loadWaiting} ${l.waiting} · ${s.loadHandling} ${l.handling})` : ''}</button>`;
        })}
      </div>` : nothing}
    </li>`;
  }

  private dispatchTo(r: BoardRow, node: string): void {
    this.menu = null;
    this.send({ type: 'dispatch', caseId: r.caseId, expectedVersion: r.version, node });
  }
}
