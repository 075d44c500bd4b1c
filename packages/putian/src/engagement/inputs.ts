/**
 * The inputs of the Putian engagement year. Only `capablePeople` comes from the seed document
 * (9,268 能人贤士); the in-office party members are the overlay's 33,216 (`PUTIAN_COUNTS`); the
 * volumes and shares below are inputs chosen for a plausible year, not published figures.
 * @module
 */

/**
 * The generator's inputs (figures given to it, not derived by it).
 *
 * @example
 * ```ts
 * PUTIAN_ENGAGEMENT_INPUTS.capablePeople; // 9268
 * ```
 */
export const PUTIAN_ENGAGEMENT_INPUTS = Object.freeze({
  /** The year generated. */
  year: 2025,
  /** 能人贤士 offering services (seed figure). */
  capablePeople: 9_268,
  /** Service orders placed in the year (input, not a published figure). */
  orders: 40_000,
  /** Share of members with a family time-bank account (input). */
  familyShare: 0.05,
  /** Share of members who donate hours (input). */
  donateShare: 0.03,
  /** Share of members who redeem hours (input). */
  redeemShare: 0.02,
  /** Chance a rostered member attends a session (input). */
  attendance: 0.85,
  /** Chance a village files a mediation claim in a quarter (input). */
  claimShare: 0.5,
  /** Attempts to redeem points in the shops (input). */
  shopRedemptions: 4_000,
});
