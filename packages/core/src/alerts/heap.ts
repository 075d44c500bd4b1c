/**
 * A binary min-heap of timers on typed arrays: (time, row, stamp), no object per entry.
 * @module
 */
import { need } from '../errors/args.js';

/**
 * Timers keyed by time; each carries a case row and a stamp (the row's epoch when it was
 * set, so a stale timer is recognised when it pops).
 *
 * @example
 * ```ts
 * const h = new TimerHeap();
 * h.push(20, 1, 0); h.push(10, 2, 0);
 * h.topTime(); // 10
 * h.pop(); h.row; // 2
 * ```
 */
export class TimerHeap {
  private t: Float64Array;
  private r: Int32Array;
  private s: Uint32Array;
  /** Number of timers waiting. */
  size = 0;
  /** Row of the timer last popped. */
  row = -1;
  /** Stamp of the timer last popped. */
  stamp = 0;
  /** Time of the timer last popped. */
  time = NaN;

  /** `capacity`: room for that many timers before the arrays grow (growing allocates). */
  constructor(capacity = 1024) {
    need('TimerHeap', 'capacity', capacity, 'count');
    const n = Math.max(16, Math.ceil(capacity));
    this.t = new Float64Array(n);
    this.r = new Int32Array(n);
    this.s = new Uint32Array(n);
  }

  /** Adds a timer. @example `heap.push(Date.now() + 60_000, row, epoch[row]);` */
  push(time: number, row: number, stamp: number): void {
    if (this.size === this.t.length) this.grow();
    let i = this.size++;
    const { t, r, s } = this;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (t[p] <= time) break;
      t[i] = t[p]; r[i] = r[p]; s[i] = s[p];
      i = p;
    }
    t[i] = time; r[i] = row; s[i] = stamp;
  }

  /** Time of the earliest timer, or `Infinity` when empty. @example `heap.topTime() < now` */
  topTime(): number {
    return this.size ? this.t[0] : Infinity;
  }

  /** Removes the earliest timer into `time`, `row`, `stamp`. @example `while (heap.topTime() <= m) { heap.pop(); use(heap.row); }` */
  pop(): void {
    const { t, r, s } = this;
    this.time = t[0]; this.row = r[0]; this.stamp = s[0];
    const n = --this.size;
    if (n === 0) return;
    const lt = t[n], lr = r[n], ls = s[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && t[c + 1] < t[c]) c++;
      if (t[c] >= lt) break;
      t[i] = t[c]; r[i] = r[c]; s[i] = s[c];
      i = c;
    }
    t[i] = lt; r[i] = lr; s[i] = ls;
  }

  private grow(): void {
    const n = this.t.length * 2;
    const t = new Float64Array(n); t.set(this.t); this.t = t;
    const r = new Int32Array(n); r.set(this.r); this.r = r;
    const s = new Uint32Array(n); s.set(this.s); this.s = s;
  }
}
