/**
 * An open-addressing hash table from code strings to integer ids, on one Int32Array.
 * Faster to fill than a `Map<string, number>` for ~10⁵ numeric-looking codes, and smaller.
 * @module
 * @internal
 */

/** FNV-1a over the UTF-16 code units of s. */
function hashCode(s: string): number {
  let h = 0x811c9dc5;
  for (let j = 0; j < s.length; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
  return h ^ (h >>> 15);
}

/**
 * Maps each key `keys[id]` to `id`. Keys are looked up in the array the table was given.
 * @internal
 */
export class CodeTable {
  #slots: Int32Array;
  #mask: number;
  #keys: readonly string[];

  constructor(capacity: number, keys: readonly string[]) {
    let size = 16;
    while (size < capacity * 2) size <<= 1;
    this.#slots = new Int32Array(size).fill(-1);
    this.#mask = size - 1;
    this.#keys = keys;
  }

  /** Adds id under key `keys[id]`; returns the id already there for an equal key, or -1. */
  add(id: number, key: string): number {
    const slots = this.#slots;
    const mask = this.#mask;
    let h = hashCode(key) & mask;
    for (;;) {
      const s = slots[h];
      if (s === -1) {
        slots[h] = id;
        return -1;
      }
      if (this.#keys[s] === key) return s;
      h = (h + 1) & mask;
    }
  }

  /** The id stored for key, or -1. */
  get(key: string): number {
    const slots = this.#slots;
    const mask = this.#mask;
    let h = hashCode(key) & mask;
    for (;;) {
      const s = slots[h];
      if (s === -1) return -1;
      if (this.#keys[s] === key) return s;
      h = (h + 1) & mask;
    }
  }

  /** Renumbers every stored id through `map` and switches to a new key array (keys[map[id]] must equal the old key). */
  renumber(map: Int32Array, keys: readonly string[]): void {
    const slots = this.#slots;
    for (let h = 0; h < slots.length; h++) if (slots[h] >= 0) slots[h] = map[slots[h]]!;
    this.#keys = keys;
  }
}
