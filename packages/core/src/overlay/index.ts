/**
 * The party overlay: organisations, people, facilities, compounds and pairings on nodes.
 * @module
 */
export * from './types.js';
