/**
 * The vocabulary of the enforcement steps (一次告知、一次上门、一次到位): their event types,
 * payloads, schemas and titles, which the case events merge in. The decisions are in
 * `enforcement.ts`.
 * @module
 */
import { z } from 'zod';
import type { LocalizedText } from '../errors/errors.js';

/**
 * The payloads of the enforcement steps, merged into `CaseEventData`.
 *
 * @example
 * ```ts
 * const d: EnforcementEventData['enforcementVisited'] = { note: '上门核查并现场取证', members: ['to1', 'co1'] };
 * ```
 */
export interface EnforcementEventData {
  /** 一次告知: the party is told, once, everything the matter requires. */
  enforcementNotified: { note: string; members: string[] };
  /** 一次上门: one visit covering every department's inspection. */
  enforcementVisited: { note: string; members: string[] };
  /** 一次到位: the matter settled in one go (a decision, a rectification). */
  enforcementSettled: { note: string; members: string[]; outcome: string };
}

/** The enforcement event types, in order. @example `ENFORCEMENT_EVENT_TYPES[0] // 'enforcementNotified'` */
export const ENFORCEMENT_EVENT_TYPES = Object.freeze(['enforcementNotified', 'enforcementVisited', 'enforcementSettled'] as const);

const members = z.array(z.string().min(1)).min(1);
/**
 * The schemas of the enforcement events' data (merged into the event-log schemas).
 *
 * @example
 * ```ts
 * ENFORCEMENT_EVENT_SCHEMAS.enforcementNotified.safeParse({ note: '告知', members: ['to1'] }).success; // true
 * ```
 */
export const ENFORCEMENT_EVENT_SCHEMAS = {
  enforcementNotified: z.object({ note: z.string(), members }),
  enforcementVisited: z.object({ note: z.string(), members }),
  enforcementSettled: z.object({ note: z.string(), members, outcome: z.string() }),
};

/** Titles of the enforcement events. @example `ENFORCEMENT_EVENT_TITLES.enforcementVisited.zh // '一次上门'` */
export const ENFORCEMENT_EVENT_TITLES: Readonly<Record<keyof EnforcementEventData, LocalizedText>> = Object.freeze({
  enforcementNotified: { zh: '一次告知', en: 'Informed once' },
  enforcementVisited: { zh: '一次上门', en: 'Visited once' },
  enforcementSettled: { zh: '一次到位', en: 'Settled once' },
});
