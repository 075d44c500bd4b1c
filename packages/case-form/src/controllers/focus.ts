/**
 * Where focus goes after an action: to the first field to correct, the first field to fill,
 * or the next button — never lost to `<body>`.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Finds a field's control in the host's shadow root and focuses it once the host has rendered.
 *
 * @example
 * ```ts
 * readonly #focus = new FocusController(this, 'data-field');
 * await this.#focus.after(() => this.#focus.control('description'));
 * ```
 */
export class FocusController implements ReactiveController {
  readonly #host: Host;
  readonly #attr: 'data-field' | 'data-afield';

  constructor(host: Host, attr: 'data-field' | 'data-afield') {
    this.#host = host;
    this.#attr = attr;
    host.addController(this);
  }

  /** Lit calls this when the host connects; nothing to set up. */
  hostConnected(): void {}

  /** The control of a field: the node picker, the checked radio of a group, or the input. */
  control(name: string): HTMLElement | null {
    const root = this.#host.renderRoot;
    if (!root || !('querySelector' in root)) return null;
    if (name === 'node') return root.querySelector<HTMLElement>('jc-grid-tree[data-field="node"]');
    return root.querySelector<HTMLElement>(`[${this.#attr}="${name}"]:checked`) ?? root.querySelector<HTMLElement>(`[${this.#attr}="${name}"]`);
  }

  /** After the host's next render, focuses what `find` returns (if anything). */
  async after(find: () => HTMLElement | null | undefined): Promise<void> {
    await this.#host.updateComplete;
    find()?.focus();
  }

}
