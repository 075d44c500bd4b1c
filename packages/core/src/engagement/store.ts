/**
 * The engagement store: decide, append, apply — the mutable wrapper around the pure fold for
 * the hot path. It keeps the event log so a replay can be checked against the live state.
 * @module
 */
import { fail, issue, ok, type Result } from '../errors/errors.js';
import type { Actor } from '../cases/actor.js';
import { decideEngagement, type EngagementContext } from './decide.js';
import type { AnyEngagementEvent } from './events.js';
import { applyEngagement, emptyEngagementState, type EngagementState } from './state.js';

/**
 * Holds the engagement state and its event log; runs commands against the injected context.
 *
 * @example
 * ```ts
 * const store = new EngagementStore({ hierarchy, calendar, clock: () => Date.now() });
 * const r = store.execute({ type: 'placeOrder', commandId: 'k1', order: 'o1', node, category: 'repair', from, to, description: '水管漏水' }, resident);
 * ```
 */
export class EngagementStore {
  /** The live state (do not change it directly). */
  readonly state: EngagementState = emptyEngagementState();
  readonly #log: AnyEngagementEvent[] = [];
  readonly #ctx: EngagementContext;

  constructor(ctx: EngagementContext) {
    this.#ctx = ctx;
  }

  /** The context commands are checked against. @example `store.context.clock();` */
  get context(): EngagementContext {
    return this.#ctx;
  }

  /**
   * Decides a command and, if accepted, appends and applies its events. A retried command id
   * gives no events (and a warning).
   *
   * @example
   * ```ts
   * const r = store.execute({ type: 'acceptOrder', commandId: 'k2', order: 'o1' }, member);
   * ```
   */
  execute(input: unknown, actor: Actor): Result<AnyEngagementEvent[]> {
    const r = decideEngagement(this.state, input, actor, this.#ctx);
    if (r.ok) for (const e of r.value) this.#apply(e);
    return r;
  }

  /**
   * Appends events from elsewhere (a log being loaded): each must follow the last by `seq`.
   * Stops at the first out of order and changes nothing from there.
   *
   * @example
   * ```ts
   * store.load(eventsFromDisk);
   * ```
   */
  load(events: Iterable<AnyEngagementEvent>): Result<number> {
    let n = 0;
    for (const e of events) {
      if (e.seq !== this.state.seq + 1) {
        return fail([issue('E_EVENT_ORDER', `事件序号不连续：${e.seq}`, `event out of order: ${e.seq}`)]);
      }
      this.#apply(e);
      n++;
    }
    return ok(n);
  }

  /** The event log, in order. @example `foldEngagement(store.events());` */
  events(): readonly AnyEngagementEvent[] {
    return this.#log;
  }

  #apply(e: AnyEngagementEvent): void {
    this.#log.push(e);
    applyEngagement(this.state, e, this.#ctx.calendar.offset);
  }
}
