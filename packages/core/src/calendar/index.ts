/**
 * `@jiceng/core/calendar`: the working calendar — official holiday schedules with the years
 * they cover, working and seasonal hours, deadlines in working hours, working days and
 * calendar days, a city's own calendar file, and the one UTC offset of the project.
 * @module
 */
export * from './time.js';
export * from './messages.js';
export * from './calendar.js';
export * from './china.js';
export * from './file.js';
