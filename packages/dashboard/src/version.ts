// Written by scripts/versions.mjs from packages/dashboard/package.json (`pnpm build` runs it): do not edit.

/**
 * The version of `@jiceng/dashboard`, as in its package.json: the elements register with it.
 * @example `VERSION // '0.1.0'`
 */
export const VERSION = '0.1.0';
