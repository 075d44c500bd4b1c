/**
 * `@jiceng/core/registry`: the special populations (特殊人群) — enrolment, follow-ups, handovers and their schedule.
 * A domain of its own with its own events, commands and calendar of follow-ups: commands are
 * decided (`decideRegistry`) under an `Access`, events are folded by `evolveRegistry`, views
 * are masked and small cells suppressed, and the registry goes to and from CSV.
 *
 * @example
 * ```ts
 * import { emptyRegistry, evolveRegistry } from '@jiceng/core/registry';
 * let registry = emptyRegistry();
 * registry = evolveRegistry(registry, decided); // one event; a whole feed: replayRegistry(events)
 * ```
 * @module
 */
export {
  addLocalMonths, addLocalWorkingDays, calendarWorkingDays, chinaWorkingDays, daysInMonth,
  type LocalDate, shanghaiDate, startOfShanghaiDay, weekdaysOnly, type WorkingDayFn,
} from './calendar.js';
export { decideRegistry, type RegistryCommand, type RegistryOptions } from './commands.js';
export { checkRegistryCsv, exportRegistryCsv, REGISTRY_CSV_FILES } from './csv.js';
export {
  applyRegistry, evolveRegistry, emptyRegistry, type Handover, type MutableRegistryState, type PersonDetails, type RegistryEvent,
  type RegistryEventBase, type RegistryPerson, type RegistryState, replayRegistry,
} from './events.js';
export {
  checkFilledForm, EXAMPLE_FORM_SET, type FilledForm, type FormField, type HandoverForm,
  type HandoverFormSet,
} from './forms.js';
export {
  DEFAULT_GROUPS, HANDOVER_BODIES, LEGAL_BASES, type LegalBasis, type LegalBasisKind,
  type PopulationGroup,
} from './groups.js';
export { annualFollowUps, type RegistryDeadline, followUpDue, notificationDue } from './schedule.js';
export {
  registryFigures, type RegistryFigures, registryHistory, registryRecords, type RegistryViewOptions,
} from './view.js';
