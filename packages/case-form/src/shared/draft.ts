/**
 * Drafts that survive a reload: what the user typed, kept in a `Storage`-like object under a
 * key the host chooses, because field work is interrupted.
 * @module
 */

/**
 * The part of `Storage` a draft needs; `localStorage`, `sessionStorage` or the host's own.
 *
 * @example
 * ```ts
 * const mem = new Map<string, string>();
 * const s: DraftStorage = { getItem: (k) => mem.get(k) ?? null, setItem: (k, v) => void mem.set(k, v), removeItem: (k) => void mem.delete(k) };
 * ```
 */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Prefix of every draft key. @example `DRAFT_PREFIX + 'intake' // 'jc-case-form:intake'` */
export const DRAFT_PREFIX = 'jc-case-form:';

/**
 * The page's `localStorage`, or undefined where it is blocked (private modes, sandboxed frames).
 *
 * @example
 * ```ts
 * const s = defaultDraftStorage();
 * ```
 */
export function defaultDraftStorage(): DraftStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a draft; undefined when there is none or it is not valid JSON.
 *
 * @example
 * ```ts
 * const d = readDraft<{ description: string }>(localStorage, 'intake');
 * ```
 */
export function readDraft<T>(storage: DraftStorage | undefined, key: string): T | undefined {
  try {
    const raw = storage?.getItem(DRAFT_PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes a draft (quietly does nothing when the storage refuses, e.g. it is full).
 *
 * @example
 * ```ts
 * writeDraft(localStorage, 'intake', { description: '楼道堆物' });
 * ```
 */
export function writeDraft(storage: DraftStorage | undefined, key: string, value: unknown): void {
  try {
    storage?.setItem(DRAFT_PREFIX + key, JSON.stringify(value));
  } catch {
    /* a full or blocked storage must not break typing */
  }
}

/**
 * Removes a draft.
 *
 * @example
 * ```ts
 * clearDraft(localStorage, 'intake');
 * ```
 */
export function clearDraft(storage: DraftStorage | undefined, key: string): void {
  try {
    storage?.removeItem(DRAFT_PREFIX + key);
  } catch {
    /* ignore */
  }
}
