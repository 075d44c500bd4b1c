/**
 * The message after submitting — accepted, refused, busy, or a count of errors — shared by the
 * form elements, rendered in one place with the right live-region role.
 * @module
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** A status message: `error` is announced at once (`role="alert"`), the others politely. */
export interface Status {
  kind: 'ok' | 'error' | 'info';
  text: string;
}

/**
 * Holds the host's status message and renders it (`part="status"`).
 *
 * @example
 * ```ts
 * readonly status = new StatusController(this);
 * this.status.set('ok', strings.accepted);
 * render() { return html`${this.status.render()}`; }
 * ```
 */
export class StatusController implements ReactiveController {
  #status: Status | null = null;

  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Lit calls this when the host connects; nothing to set up. */
  hostConnected(): void {}

  /** Shows a message. */
  set(kind: Status['kind'], text: string): void {
    this.#status = { kind, text };
    this.#host.requestUpdate();
  }

  /** Removes the message. */
  clear(): void {
    if (!this.#status) return;
    this.#status = null;
    this.#host.requestUpdate();
  }

  /** The message, or nothing. */
  render(): TemplateResult | typeof nothing {
    const st = this.#status;
    if (!st) return nothing;
    return html`<div part="status" class="status ${st.kind}" role=${st.kind === 'error' ? 'alert' : 'status'}>${st.text}</div>`;
  }

}
