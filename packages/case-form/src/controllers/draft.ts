/**
 * A draft that survives a reload, kept per element part (`intake`, `actions`) under the
 * host's `draft-key`, so an intake and an action element may share one key without
 * overwriting each other.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clearDraft, defaultDraftStorage, readDraft, writeDraft, type DraftStorage } from '../shared/draft.js';

/** What a draft holds: one entry per element part. */
type Stored = Partial<Record<string, unknown>>;

/** The host's side: where drafts go and under which key (none: nothing is stored). */
export interface DraftHost extends ReactiveControllerHost {
  storage: DraftStorage | undefined;
  draftKey: string;
}

/**
 * Reads, writes and clears one part of the host's draft.
 *
 * @example
 * ```ts
 * readonly #draft = new DraftController<IntakeRaw>(this, 'intake');
 * willUpdate() { const d = this.#draft.restore(); if (d) this._raw = d; }
 * ```
 */
export class DraftController<T> implements ReactiveController {
  #restored = false;

  readonly #host: DraftHost;
  readonly #part: string;

  constructor(host: DraftHost, part: string) {
    this.#host = host;
    this.#part = part;
    host.addController(this);
  }

  /** Lit calls this when the host connects; nothing to set up. */
  hostConnected(): void {}

  get #storage(): DraftStorage | undefined {
    return this.#host.storage ?? defaultDraftStorage();
  }

  /** The stored part, once per element (the first time a key is set); later calls answer undefined. */
  restore(): T | undefined {
    if (this.#restored || !this.#host.draftKey) return undefined;
    this.#restored = true;
    return readDraft<Stored>(this.#storage, this.#host.draftKey)?.[this.#part] as T | undefined;
  }

  /** Stores this part (undefined removes it); the draft goes when no part is left. */
  save(value: T | undefined): void {
    const key = this.#host.draftKey;
    if (!key) return;
    const d: Stored = { ...(readDraft<Stored>(this.#storage, key) ?? {}), [this.#part]: value };
    if (value === undefined) delete d[this.#part];
    if (Object.keys(d).length === 0) clearDraft(this.#storage, key);
    else writeDraft(this.#storage, key, d);
  }

  /** Removes this part. */
  clear(): void {
    this.save(undefined);
  }

}
