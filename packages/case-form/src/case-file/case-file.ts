/**
 * `<jc-case-file>`: a case's dossier 一件一档 as a timeline, for reading on screen and for the
 * paper archive.
 * @module
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { LanguageController, themeTokens, translate, type UiLang } from '@jiceng/ui';
import { type LocalizedText } from '@jiceng/core';
import { DEFAULT_ROLE_RULES } from '@jiceng/core/access';
import { formatDuration, type Dossier, type DossierEntry, type DossierIntake } from '@jiceng/core/cases';
import { fill } from '../shared/i18n.js';
import { formatSize } from '../shared/attachments.js';
import { caseFileStrings, type CaseFileStrings } from './i18n.js';
import { caseFileStyles } from './styles.js';

const GLYPH: Record<string, string> = { done: '✓', current: '●', pending: '○', skipped: '–' };

/**
 * Shows a case's dossier (the core's `buildDossier` view model) as a timeline: the seven steps
 * as a progress line (done, current, pending — in words and symbols, not by colour alone),
 * a summary, and every event with actor, role, time, time since the previous event, the
 * deadline it answered (met or missed), the deadline it set, attachments and notes;
 * supervision 督办 and accountability 问责 are marked. Renders exactly what it is given: pass
 * a dossier already masked for the reader (the access layer's views) — nothing is unmasked
 * here, and all text is rendered as text. Prints as a black-on-white archive copy without
 * controls, one section per page.
 *
 * @tagname jc-case-file
 * @summary A case file as a printable timeline of the seven-step loop.
 *
 * @example
 * ```html
 * <jc-case-file></jc-case-file>
 * <script type="module">
 *   const d = store.dossier('c-1', { hierarchy, categories });
 *   if (d.ok) document.querySelector('jc-case-file').dossier = d.value;
 * </script>
 * ```
 *
 * @csspart header - The case header (id, node, category, status).
 * @csspart progress - The seven-step progress line (`<ol>`).
 * @csspart step - One step; also `step-done`, `step-current`, `step-pending` or `step-skipped`.
 * @csspart summary - The summary figures.
 * @csspart timeline - The list of events.
 * @csspart entry - One event; marked ones also have `entry-marked`.
 * @csspart mark - A supervision / accountability / rework / recurrence mark.
 * @csspart note - The free text of an event.
 * @csspart print-button - The print button (hidden in print).
 *
 * @cssproperty [--jc-color-ok=#1a7f37] - Done steps and met deadlines.
 * @cssproperty [--jc-color-bad=#cf222e] - Missed deadlines, supervision and accountability marks.
 * @cssproperty [--jc-color-warn=#9a6700] - Rework and recurrence marks.
 */
export class JcCaseFile extends LitElement {
  /** The element's styles: the shared theme tokens, then its own (with the print rules). */
  static override styles = [themeTokens, caseFileStyles];

  /** The dossier to show (the core's `Dossier`, masked for the reader). */
  @property({ attribute: false }) dossier: Dossier | undefined = undefined;
  /** Language (`zh` default, `en…` for English); else the nearest `lang`, followed as the page's changes. */
  @property() override lang!: string;
  /** Colour theme: light, dark, or auto. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';
  /** Overrides of any visible string. */
  @property({ attribute: false }) i18n: Partial<CaseFileStrings> = {};
  /** Names of role ids (default: the core's `DEFAULT_ROLE_RULES` names); unknown roles show their id. */
  @property({ attribute: false }) roleNames: Readonly<Record<string, LocalizedText>> | undefined = undefined;
  /** Hides the print button. */
  @property({ type: Boolean, attribute: 'no-print-button', reflect: true }) noPrintButton = false;

  private readonly _language = new LanguageController(this);

  private get _lang(): UiLang {
    return this._language.lang;
  }

  private get _s(): CaseFileStrings {
    return translate(caseFileStrings, this._lang, this.i18n);
  }

  private _t(t: LocalizedText | undefined): string {
    return t ? t[this._lang] || t.zh : '';
  }

  private _role(id: string): string {
    const own = this.roleNames?.[id];
    if (own) return this._t(own);
    const rule = DEFAULT_ROLE_RULES.find((r) => r.id === id);
    return rule ? this._t(rule.name) : id;
  }

  private _time(local: string): string {
    // `2025-03-03T09:01:00+08:00` → `2025-03-03 09:01` (the offset is the archive's, stated once).
    return local.slice(0, 16).replace('T', ' ');
  }

  /** What was entered at intake, as the reader may see it (the server masked it). */
  private _intake(it: DossierIntake | undefined): TemplateResult | typeof nothing {
    if (!it) return nothing;
    const s = this._s;
    const row = (k: string, v: string | undefined, part: string) => (v ? html`<dt>${k}</dt><dd part=${part}>${v}</dd>` : nothing);
    const coords = typeof it.lng === 'number' && typeof it.lat === 'number' ? `${it.lat.toFixed(6)}, ${it.lng.toFixed(6)}` : undefined;
    return html`${row(s.urgency, it.urgency ? s.urgencies[it.urgency] ?? it.urgency : undefined, 'urgency')}
      ${row(s.source, s.sources[it.source] ?? it.source, 'source')}
      ${row(s.address, it.address, 'address')}
      ${row(s.coordinates, coords, 'coordinates')}
      ${row(s.reporter, it.reporter, 'reporter')}`;
  }

  private _entry(e: DossierEntry): TemplateResult {
    const s = this._s;
    const marked = e.marks.length > 0;
    return html`
      <li part="entry${marked ? ' entry-marked' : ''}" class=${marked ? 'marked' : ''} data-type=${e.type}>
        <div class="entry-head">
          <span class="entry-title">${this._t(e.title)}</span>
          ${e.marks.map((m) => html`<span part="mark" class="mark ${m}">${s.marks[m]}</span>`)}
          <time datetime=${e.atLocal}>${this._time(e.atLocal)}</time>
          <span class="muted">${s.since} ${this._t(e.sincePrevious)}</span>
        </div>
        <div>
          <span class="muted">${s.actor}</span> ${e.actor} ·
          <span class="muted">${s.role}</span> ${this._role(e.role)}${e.roleNodeName ? html` · ${e.roleNodeName}` : nothing}
        </div>
        ${e.deadline
          ? html`<div>
              <span class="muted">${s.deadline}</span> ${this._time(e.deadline.dueLocal)}
              <span class=${e.deadline.met ? 'met' : 'missed'}>${e.deadline.met ? `✓ ${s.met}` : `✗ ${s.missed}`}</span>
            </div>`
          : nothing}
        ${e.sets ? html`<div><span class="muted">${s.sets}</span> ${this._time(e.sets.dueLocal)}</div>` : nothing}
        ${e.note ? html`<p part="note" class="note">${e.note}</p>` : nothing}
        ${e.attachments.length
          ? html`<div><span class="muted">${s.attachments}</span>
              <ul>
                ${e.attachments.map((a) => html`<li>${a.name} <span class="muted">${a.mime} · ${formatSize(a.size)}${a.sha256 ? ` · SHA-256 ${a.sha256}` : ''}</span></li>`)}
              </ul></div>`
          : nothing}
      </li>
    `;
  }

  protected override render(): TemplateResult {
    const s = this._s;
    const d = this.dossier;
    if (!d) return html`<p class="muted">${s.empty}</p>`;
    const sum = d.summary;
    const dur = formatDuration(sum.totalMs);
    const figures: [string, string | number][] = [
      [s.events, sum.events], [s.total, this._t(dur)], [s.deadlinesMissed, sum.deadlinesMissed], [s.rework, sum.rework],
      [s.escalations, sum.escalations], [s.extensions, sum.extensions], [s.supervisions, sum.supervisions],
      [s.accountabilities, sum.accountabilities], [s.satisfaction, sum.satisfaction ?? s.none],
    ];
    return html`
      <article aria-labelledby="file-title">
        ${this.noPrintButton
          ? nothing
          : html`<div class="controls"><button type="button" part="print-button" @click=${() => window.print()}>${s.print}</button></div>`}
        <section part="header" aria-labelledby="file-title">
          <h2 id="file-title">${fill(s.title, { id: d.caseId })}</h2>
          <dl class="meta">
            <dt>${s.node}</dt><dd>${d.node.name ?? d.node.code} <span class="muted">${d.node.code}</span></dd>
            ${d.category ? html`<dt>${s.category}</dt><dd>${d.category.name ? this._t(d.category.name) : d.category.id}</dd>` : nothing}
            <dt>${s.status}</dt><dd>${s.statuses[d.status] ?? d.status}</dd>
            ${this._intake(d.intake)}
          </dl>
          <h3 id="progress-title">${s.progress}</h3>
          <ol part="progress" class="steps" aria-labelledby="progress-title">
            ${d.steps.map(
              (st) => html`<li part="step step-${st.status}" class=${st.status} aria-current=${st.status === 'current' ? 'step' : nothing}>
                <span class="glyph" aria-hidden="true">${GLYPH[st.status]}</span>${this._t(st.name)}
                <span class="muted">（${s.stepStatus[st.status]}）</span>
              </li>`,
            )}
          </ol>
          <h3 id="summary-title">${s.summary}</h3>
          <dl part="summary" class="meta" aria-labelledby="summary-title">
            ${figures.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}
          </dl>
        </section>
        <section aria-labelledby="timeline-title">
          <h3 id="timeline-title">${s.timeline}</h3>
          <ol part="timeline" class="timeline">${d.entries.map((e) => this._entry(e))}</ol>
        </section>
      </article>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-case-file': JcCaseFile;
  }
}
