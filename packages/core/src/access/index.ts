/**
 * Actors, roles, scope and personal-data policy.
 * @module
 */
export * from "./actor.js";
