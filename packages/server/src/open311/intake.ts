/**
 * What Open311 adds to a case at intake and the case loop has no field for: the service the
 * client chose, its attribute answers and the token of the request. One `open311.received`
 * event per case on the stream `open311-<caseId>`; the case itself — status, times, place,
 * people — stays in the core's record. The reporter's contact, the position and address sent
 * and the media URL go to the case (personal or internal there, masked by the core), never here.
 * @module
 */
import type { EventStore } from '@jiceng/store';

/**
 * The intake of one request.
 *
 * @example
 * ```ts
 * const i: Intake = { caseId: 'JC-1', token: 't-1', application: 'fms', serviceCode: 'city.rubbish', at: 0, attributes: {} };
 * ```
 */
export interface Intake {
  caseId: string;
  token: string;
  application: string;
  serviceCode: string;
  at: number;
  attributes: Record<string, string | string[]>;
}

/** The stream type of intake events. */
export const INTAKE_STREAM_TYPE = 'open311';
/** The event type of an intake. */
export const INTAKE_EVENT = 'open311.received';

/**
 * The intakes folded from the store's `open311` streams, by case id and by token; caught up
 * before each read, so a second server on the same store sees the first one's intakes.
 *
 * @example
 * ```ts
 * const book = new IntakeBook(store);
 * await book.catchUp();
 * book.byCase.get('JC-1')?.serviceCode;
 * ```
 */
export class IntakeBook {
  /** Intakes by case id. */
  readonly byCase = new Map<string, Intake>();
  /** Case ids by token. */
  readonly byToken = new Map<string, string>();
  private position = 0;
  private running: Promise<void> = Promise.resolve();
  private readonly store: EventStore;

  constructor(store: EventStore) {
    this.store = store;
  }

  /** Folds the intakes appended since the last call (one catch-up at a time). */
  catchUp(): Promise<void> {
    const run = this.running.then(async () => {
      for (;;) {
        const batch = await this.store.readFeed({ after: this.position, limit: 5000, streamTypes: [INTAKE_STREAM_TYPE] });
        if (batch.length === 0) return;
        for (const e of batch) {
          this.position = Math.max(this.position, e.position);
          if (e.type !== INTAKE_EVENT) continue;
          const i = e.data as Intake;
          this.byCase.set(i.caseId, i);
          this.byToken.set(i.token, i.caseId);
        }
      }
    });
    this.running = run.catch(() => undefined);
    return run;
  }
}
