/**
 * The party overlay: organisations, people, facilities, compounds and pairings on nodes.
 * @module
 */
export * from './types.js';
export * from './overlay.js';
export * from './coverage.js';
