/**
 * Actors, roles, scope and personal-data policy.
 * @module
 */
export * from "./actor.js";
export * from './messages.js';
export * from './sensitivity.js';
export * from './roles.js';
export * from './fields.js';
export * from './mask.js';
export * from './scope.js';
export * from './context.js';
export * from './authorize.js';
export * from './audit.js';
export * from './read.js';
export * from './scoped-facts.js';
export * from './cells.js';
export * from './export.js';
export * from './present.js';
export * from './audit-trail.js';
export * from './registry/groups.js';
export * from './registry/calendar.js';
export * from './registry/events.js';
export * from './registry/commands.js';
export * from './registry/schedule.js';
export * from './registry/view.js';
export * from './registry/forms.js';
export * from './registry/csv.js';
export * from "./policy.js";
export * from "./dossier.js";
