/**
 * The three lists (work, sector, project), the responsibility list and the policy set.
 * @module
 */
export {};
