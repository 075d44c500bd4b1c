/**
 * Files picked in a form: their metadata (with the SHA-256 the page computes) goes into the
 * command; the `File`s stay here until the host takes them from the event to upload.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Attachment } from '@jiceng/core/cases';
import { attachmentOf } from '../shared/attachments.js';

/**
 * Keeps the picked files and how many are still being hashed.
 *
 * @example
 * ```ts
 * readonly files = new FilesController(this);
 * await this.files.add(input, (metas) => this._set('attachments', [...list, ...metas]));
 * const detail = { files: this.files.of(intake.attachments) };
 * ```
 */
export class FilesController implements ReactiveController {
  #files = new Map<string, File>();
  #hashing = 0;

  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Lit calls this when the host connects; nothing to set up. */
  hostConnected(): void {}

  /** How many picked files are still being hashed. */
  get hashing(): number {
    return this.#hashing;
  }

  /** Reads the files of a file input (and empties it), then hands their metadata to `onAdd`. */
  async add(input: HTMLInputElement, onAdd: (metas: Attachment[]) => void): Promise<void> {
    const picked = [...(input.files ?? [])];
    input.value = '';
    if (!picked.length) return;
    this.#hashing += picked.length;
    this.#host.requestUpdate();
    const metas: Attachment[] = [];
    for (const f of picked) {
      const m = await attachmentOf(f);
      this.#files.set(m.id, f);
      metas.push(m);
      this.#hashing--;
    }
    this.#host.requestUpdate();
    onAdd(metas);
  }

  /** The `File`s of these attachments that were picked here, by attachment id. */
  of(list: readonly Attachment[] | undefined): Record<string, File> {
    const out: Record<string, File> = {};
    for (const a of list ?? []) {
      const f = this.#files.get(a.id);
      if (f) out[a.id] = f;
    }
    return out;
  }

  /** Forgets every picked file. */
  clear(): void {
    this.#files.clear();
  }
}
