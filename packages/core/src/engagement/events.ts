/**
 * Engagement events: plain, immutable JSON records on one ordered stream. Every state change
 * of members, rosters, orders, accounts, claims and the shop is one of these, appended once.
 * @module
 */
import type { Attachment } from '../cases/events.js';

/**
 * One movement of a transfer: `amount` added to `account` (negative: taken away). The
 * movements of a transfer always sum to zero (double entry).
 *
 * @example
 * ```ts
 * const m: Movement = { account: 'time:m-1', amount: 1.5 };
 * ```
 */
export interface Movement {
  account: string;
  amount: number;
}

/**
 * What a transfer is for: `earn` (confirmed service), `transfer` (to family), `donate`,
 * `redeem` (hours for services, points in the shop), `award` and `deduct` (points),
 * `settle` (quarterly settlement of pending points), `writeOff` (a deduction beyond the floor).
 *
 * @example
 * ```ts
 * const k: TransferKind = 'earn';
 * ```
 */
export type TransferKind = 'earn' | 'transfer' | 'donate' | 'redeem' | 'award' | 'deduct' | 'settle' | 'writeOff';

/** Roster kinds of 城厢区's 三步法. @example `const k: RosterKind = 'station';` */
export type RosterKind = 'station' | 'link' | 'pair' | 'joint';

/**
 * The payload of each event type.
 *
 * @example
 * ```ts
 * const d: EngagementEventData['orderConfirmed'] = { order: 'o-1', rating: 5, credited: 1.5, capped: 0 };
 * ```
 */
export interface EngagementEventData {
  /** 报到: a member reports to a village or community. */
  memberReported: {
    member: string; name?: string; kind: 'party-member' | 'capable'; node: string; home?: string;
    skills: string[]; days: number[]; household?: string;
  };
  memberWithdrawn: { member: string; reason: string };
  rosterCreated: { roster: string; kind: RosterKind; frequency: 'daily' | 'weekly' | 'monthly' | 'periodic'; node: string; members: string[]; target?: string };
  attendanceRecorded: { roster: string; present: string[] };
  /** 群众点单. */
  orderPlaced: { order: string; node: string; category: string; from: number; to: number; description: string; dispatchDueAt: number; dueAt: number };
  /** 社区派单. */
  orderDispatched: { order: string; member: string; note?: string };
  /** 党员接单. */
  orderAccepted: { order: string };
  orderDeclined: { order: string; reason: string };
  orderCompleted: { order: string; hours: number; note?: string };
  /** The resident confirms and rates; `credited` hours went to the member, `capped` did not (rules' caps). */
  orderConfirmed: { order: string; rating: number; note?: string; credited: number; capped: number };
  orderCancelled: { order: string; reason: string };
  /** `floor` null: no floor (system accounts, pending points); `cap` null: no cap. */
  accountOpened: {
    account: string; ledger: 'time' | 'points'; owner: string; kind: 'person' | 'household' | 'system' | 'pending';
    node: string; household?: string; floor: number | null; cap: number | null;
  };
  /** A double-entry transfer: its movements sum to zero. */
  transferPosted: {
    transfer: string; ledger: 'time' | 'points'; kind: TransferKind; movements: Movement[];
    item?: string; qty?: number; node?: string; order?: string; claim?: string; capped?: number; memo?: string;
    /** Counts towards an item's cap: `amount` points for `account` and `item` in the cap's `period` key. */
    tally?: { account: string; item: string; period: number; amount: number };
  };
  claimFiled: { claim: string; account: string; item: string; qty: number; evidence?: Attachment[]; note?: string };
  claimDecided: { claim: string; approve: boolean; reason?: string };
  quarterSettled: { node: string; quarter: number };
  shopStocked: { node: string; item: string; qty: number };
}

/** An event type id. @example `const t: EngagementEventType = 'transferPosted';` */
export type EngagementEventType = keyof EngagementEventData;

/**
 * One event of the engagement stream. `seq` is its 1-based position; `commandId` the command
 * that produced it (a retried command finds its id already used and adds nothing).
 *
 * @example
 * ```ts
 * const e: EngagementEvent<'orderAccepted'> = {
 *   seq: 12, type: 'orderAccepted', at: 1741570200000, actor: 'pm-1', role: 'party-member',
 *   roleNode: '350302001001', commandId: 'k-9', data: { order: 'o-1' },
 * };
 * ```
 */
export interface EngagementEvent<T extends EngagementEventType = EngagementEventType> {
  seq: number;
  type: T;
  at: number;
  actor: string;
  role: string;
  roleNode: string;
  commandId: string;
  data: EngagementEventData[T];
}

/**
 * Any engagement event, discriminated by `type`.
 *
 * @example
 * ```ts
 * const amountOf = (e: AnyEngagementEvent) => (e.type === 'orderCompleted' ? e.data.hours : 0);
 * ```
 */
export type AnyEngagementEvent = { [T in EngagementEventType]: EngagementEvent<T> }[EngagementEventType];
