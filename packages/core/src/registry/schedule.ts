/**
 * The follow-up schedule of people with severe mental disorders, in Shanghai calendar days:
 * stable (risk 0–2) every 3 months; unstable (3–5) within 2 weeks; at least 4 a year; and
 * the notification of a new level-3+ case between town and police within 5 working days.
 * @module
 */
import type { RegistryPerson } from './events.js';
import { DEFAULT_GROUPS, type PopulationGroup } from './groups.js';
import {
  addLocalDays, addLocalMonths, addLocalWorkingDays, chinaWorkingDays, daysInYearBetween, isLeapYear, shanghaiDate, startOfShanghaiDay,
  type LocalDate, type WorkingDayFn,
} from './calendar.js';
import { need } from '../errors/args.js';
import { PERSON } from '../shapes.js';

/**
 * When a person's next follow-up is due.
 *
 * @example
 * ```ts
 * const d: RegistryDeadline = { date: { y: 2024, m: 2, d: 29 }, dueBy: 1709222400000, overdue: false };
 * ```
 */
export interface RegistryDeadline {
  /** The last Shanghai calendar day on which the duty is met. */
  date: LocalDate;
  /** The instant after which it is late: 00:00 +08:00 of the next day. */
  dueBy: number;
  /** True if `now` is at or after `dueBy` and the duty was not met. */
  overdue: boolean;
}

function deadline(date: LocalDate, now: number, met = false): RegistryDeadline {
  const dueBy = startOfShanghaiDay(addLocalDays(date, 1));
  return { date, dueBy, overdue: !met && now >= dueBy };
}

/** True if the person belongs to a mental-health group. */
function isMental(p: RegistryPerson, groups: readonly PopulationGroup[]): boolean {
  return groups.find((g) => g.id === p.group)?.mentalHealth === true;
}

/**
 * The next follow-up deadline of an active person of a mental-health group, or undefined:
 * unstable (risk ≥ 3): 14 calendar days after the later of the last follow-up and the day
 * the person became unstable; stable: 3 calendar months after the later of the last
 * follow-up and enrolment (a day missing in the target month becomes its last day).
 *
 * @example
 * ```ts
 * followUpDue(person, Date.now())?.overdue;
 * ```
 */
export function followUpDue(p: RegistryPerson, now: number, groups: readonly PopulationGroup[] = DEFAULT_GROUPS): RegistryDeadline | undefined {
  need('followUpDue', 'p', p, 'object', PERSON);
  need('followUpDue', 'now', now, 'time');
  need('followUpDue', 'groups', groups, 'array');
  if (p.status !== 'active' || !isMental(p, groups)) return undefined;
  const last = p.followUps.length ? p.followUps[p.followUps.length - 1] : Number.NEGATIVE_INFINITY;
  if ((p.riskLevel ?? 0) >= 3) {
    const base = Math.max(last, Number.isNaN(p.unstableSince) ? p.enrolledAt : p.unstableSince);
    return deadline(addLocalDays(shanghaiDate(base), 14), now);
  }
  return deadline(addLocalMonths(shanghaiDate(Math.max(last, p.enrolledAt)), 3), now);
}

/**
 * Follow-ups in a calendar year against the minimum of 4 a year, pro rata to the days the
 * person was enrolled in that year (366 in a leap year). For the current year (`now` inside
 * it) the requirement counts only the quarters of enrolment already passed.
 *
 * @example
 * ```ts
 * annualFollowUps(person, 2024, now); // { year: 2024, count: 3, required: 4, below: true }
 * ```
 */
export function annualFollowUps(
  p: RegistryPerson,
  year: number,
  now: number,
  groups: readonly PopulationGroup[] = DEFAULT_GROUPS,
): { year: number; count: number; required: number; below: boolean } | undefined {
  need('annualFollowUps', 'p', p, 'object', PERSON);
  need('annualFollowUps', 'year', year, 'integer');
  need('annualFollowUps', 'now', now, 'time');
  need('annualFollowUps', 'groups', groups, 'array');
  if (!isMental(p, groups)) return undefined;
  const start = startOfShanghaiDay({ y: year, m: 1, d: 1 });
  const end = startOfShanghaiDay({ y: year + 1, m: 1, d: 1 });
  if (now < start) return undefined;
  const enrolledTo = Math.min(p.leftAt ?? Number.POSITIVE_INFINITY, now, end);
  const days = daysInYearBetween(year, p.enrolledAt, enrolledTo);
  const yearDays = isLeapYear(year) ? 366 : 365;
  const count = p.followUps.filter((t) => t >= start && t < end).length;
  const share = (4 * days) / yearDays;
  const required = now >= end ? Math.ceil(share - 1e-9) : Math.floor(share + 1e-9);
  return { year, count, required, below: count < required };
}

/**
 * The notification deadline of a new level-3+ case between town and police: 5 working days
 * after the Shanghai day the person became unstable. `isWorkingDay` defaults to
 * {@link chinaWorkingDays} (official holidays and 调休 of 2025–2026, weekdays otherwise).
 * `overdue`: not made and the deadline passed; `late`: made after the deadline.
 *
 * @example
 * ```ts
 * notificationDue(person, now)?.overdue;
 * ```
 */
export function notificationDue(
  p: RegistryPerson,
  now: number,
  isWorkingDay: WorkingDayFn = chinaWorkingDays(),
): (RegistryDeadline & { notifiedAt?: number; late: boolean }) | undefined {
  need('notificationDue', 'p', p, 'object', PERSON);
  need('notificationDue', 'now', now, 'time');
  need('notificationDue', 'isWorkingDay', isWorkingDay, 'function');
  if (!p.notification || p.status !== 'active') return undefined;
  const date = addLocalWorkingDays(shanghaiDate(p.notification.since), 5, isWorkingDay);
  const done = p.notification.notifiedAt;
  const d = deadline(date, now, done !== undefined);
  return { ...d, late: done !== undefined && done >= d.dueBy, ...(done !== undefined ? { notifiedAt: done } : {}) };
}
