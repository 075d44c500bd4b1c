/**
 * The case loop: categories, calendar, commands, events, state, dossier.
 * @module
 */
export * from "./facts.js";
