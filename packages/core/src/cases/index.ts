/**
 * The case loop: categories, calendar, commands, events, state, dossier.
 * @module
 */
export * from "./facts.js";
export * from "./messages.js";
export * from "./categories.js";
export * from "./gbt47678-directory.js";
export * from "./calendar.js";
export * from "./calendar-china.js";
export * from "./events.js";
export * from "./state.js";
export * from "./transitions.js";
export * from "./separation.js";
export * from "./commands.js";
export * from "./decide.js";
export * from "./rules.js";
export * from "./enforcement.js";
export * from "./store.js";
export * from "./deadlines.js";
export * from "./jsonl.js";
export * from "./chain.js";
export * from "./patrol.js";
export * from "./dossier.js";
export * from "./labels.js";
export * from "./snapshot.js";
