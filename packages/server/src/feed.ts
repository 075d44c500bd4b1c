/**
 * The live feeds' loop over one Server-Sent Events stream, shared by the case feed
 * (`/api/feed`) and the engagement feed (`/api/engagement/feed`): listen first, replay what came
 * after the client's position (or tell it to reload: `reset`), say `ready`, then push what comes,
 * with a heartbeat (`ping`) while nothing does, until the client goes or the source closes.
 * @module
 */
import type { SSEMessage, SSEStreamingApi } from 'hono/streaming';

/** Where the replay stands: the position sent up to, and how to send, skip or reset. */
export interface FeedCursor<T> {
  /** The last position sent (or skipped). */
  readonly last: number;
  /** False once the client went or the source closed. */
  live(): boolean;
  /** Sends an item after {@link last} (if the caller may see it); an item at or before it is passed over. */
  send(it: T): Promise<void>;
  /** Moves past a position that sends nothing. */
  skip(position: number): void;
  /** Tells the client to reload (the gap is too long) and goes on from `position`. */
  reset(position: number): Promise<void>;
}

/** What a live feed pumps from. */
export interface FeedSource<T> {
  /** Listens to the items from now on and to the source's end; gives the function that stops both. */
  listen(push: (items: readonly T[]) => void, end: () => void): () => void;
  /** True once the source is closed. */
  closed(): boolean;
  /** An item's global position (its SSE id). */
  position(it: T): number;
  /** The SSE message of an item the caller may see; undefined for one they may not. */
  message(it: T): SSEMessage | undefined;
  /** Sends what happened after `feed.last` up to now; gives the position it replayed to. */
  replay(feed: FeedCursor<T>): Promise<number>;
  /** Heartbeat interval, ms. */
  heartbeatMs: number;
}

/**
 * Runs a live feed on `stream` from `start` until the client goes or the source closes.
 *
 * @example
 * ```ts
 * return streamSSE(c, (stream) => pumpFeed(stream, start, source));
 * ```
 */
export async function pumpFeed<T>(stream: SSEStreamingApi, start: number, src: FeedSource<T>): Promise<void> {
  let last = start;
  const queue: T[] = [];
  let wake: (() => void) | undefined;
  let open = true;
  const stop = src.listen((items) => { queue.push(...items); wake?.(); }, () => { open = false; wake?.(); });
  stream.onAbort(() => { open = false; wake?.(); });
  const live = () => open && !stream.aborted && !stream.closed && !src.closed();
  const send = async (it: T) => {
    const p = src.position(it);
    if (p <= last) return;
    last = p;
    const m = src.message(it);
    if (m) await stream.writeSSE(m);
  };
  const cursor: FeedCursor<T> = {
    get last() { return last; },
    live,
    send,
    skip: (p) => { last = p; },
    reset: async (p) => {
      last = p;
      await stream.writeSSE({ id: String(p), event: 'reset', data: JSON.stringify({ position: p }) });
    },
  };
  try {
    last = Math.max(last, await src.replay(cursor));
    await stream.writeSSE({ event: 'ready', data: JSON.stringify({ position: last }) });
    while (live()) {
      while (queue.length && live()) await send(queue.shift()!);
      if (!live()) break;
      const beat = await new Promise<boolean>((ok) => {
        const t = setTimeout(() => ok(true), src.heartbeatMs);
        t.unref?.();
        wake = () => { clearTimeout(t); ok(false); };
      });
      wake = undefined;
      if (beat && live()) await stream.writeSSE({ event: 'ping', data: String(last) });
    }
  } finally {
    stop();
  }
}
