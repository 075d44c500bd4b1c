/**
 * Every string `<jc-alerts>` and `<jc-dispatch-board>` show or announce, in Chinese
 * (default) and English.
 * @module
 */
import { need, argumentError } from '@jiceng/core/errors';
import { chinaLocalTime, fill } from '@jiceng/ui';

/**
 * The strings of both elements. Override any through an element's `i18n` property; `{n}`,
 * `{first}`, `{time}` are replaced.
 *
 * @example
 * ```ts
 * list.i18n = { label: '本镇预警' };
 * ```
 */
export interface AlertsStrings {
  /** Accessible name of the alert list. */
  label: string;
  /** Shown when there is no alert. */
  empty: string;
  /** Announced politely when new alerts arrive: `{n}` new, the first `{first}`. */
  announce: string;
  severity: { notice: string; warning: string; critical: string };
  status: { raised: string; acknowledged: string; assigned: string; resolved: string };
  actions: { acknowledge: string; assign: string; escalate: string; resolve: string };
  /** The reason sent with a hand escalation. */
  escalateReason: string;
  resolutions: { handled: string; 'false-alarm': string; duplicate: string; expired: string };
  /** Accessible name of the menu of resolutions / of assignees. */
  resolveMenu: string;
  assignMenu: string;
  /** `{n}` cases / items concerned. */
  count: string;
  /** Age: minutes, hours, days ago. */
  minutesAgo: string;
  hoursAgo: string;
  daysAgo: string;
  escalated: string;
  /** The board. */
  boardLabel: string;
  boardEmpty: string;
  waiting: { register: string; dispatch: string; accept: string };
  deadline: string;
  noDeadline: string;
  overdue: string;
  dispatch: string;
  dispatchMenu: string;
  loadsCaption: string;
  body: string;
  loadWaiting: string;
  loadHandling: string;
  loadOverdue: string;
}

/**
 * The built-in translations.
 *
 * @example
 * ```ts
 * ALERTS_STRINGS.en.empty; // 'No alerts'
 * ```
 */
export const ALERTS_STRINGS: { zh: AlertsStrings; en: AlertsStrings } = {
  zh: {
    label: '预警', empty: '暂无预警', announce: '新预警 {n} 条：{first}',
    severity: { notice: '提示', warning: '警告', critical: '严重' },
    status: { raised: '待确认', acknowledged: '已确认', assigned: '已指派', resolved: '已解除' },
    actions: { acknowledge: '确认', assign: '指派', escalate: '上报', resolve: '解除' },
    escalateReason: '人工上报', resolutions: { handled: '已处置', 'false-alarm': '误报', duplicate: '重复', expired: '已过期' },
    resolveMenu: '解除原因', assignMenu: '指派给', count: '{n} 件', minutesAgo: '{n} 分钟前', hoursAgo: '{n} 小时前', daysAgo: '{n} 天前',
    escalated: '已上报 {n} 级',
    boardLabel: '待办调度', boardEmpty: '暂无待办案件', waiting: { register: '待立案', dispatch: '待派遣', accept: '待受理' },
    deadline: '时限 {time}', noDeadline: '无时限', overdue: '已超时', dispatch: '派遣', dispatchMenu: '派遣至',
    loadsCaption: '承办单位负荷', body: '承办单位', loadWaiting: '待受理', loadHandling: '办理中', loadOverdue: '超时',
  },
  en: {
    label: 'Alerts', empty: 'No alerts', announce: '{n} new alerts: {first}',
    severity: { notice: 'Notice', warning: 'Warning', critical: 'Critical' },
    status: { raised: 'Unacknowledged', acknowledged: 'Acknowledged', assigned: 'Assigned', resolved: 'Resolved' },
    actions: { acknowledge: 'Acknowledge', assign: 'Assign', escalate: 'Escalate', resolve: 'Resolve' },
    escalateReason: 'Escalated by hand', resolutions: { handled: 'Handled', 'false-alarm': 'False alarm', duplicate: 'Duplicate', expired: 'Expired' },
    resolveMenu: 'Resolve as', assignMenu: 'Assign to', count: '{n} cases', minutesAgo: '{n} min ago', hoursAgo: '{n} h ago', daysAgo: '{n} days ago',
    escalated: 'escalated {n} level(s)',
    boardLabel: 'Waiting for dispatch', boardEmpty: 'No case waiting', waiting: { register: 'To register', dispatch: 'To dispatch', accept: 'To accept' },
    deadline: 'due {time}', noDeadline: 'no deadline', overdue: 'overdue', dispatch: 'Dispatch', dispatchMenu: 'Dispatch to',
    loadsCaption: 'Load of the handling bodies', body: 'Handling body', loadWaiting: 'To accept', loadHandling: 'Handling', loadOverdue: 'Overdue',
  },
};

/** Fills `{key}` placeholders: the shared `fill` of `@jiceng/ui`. @example `fill('{n} 个', { n: 3 }); // '3 个'` */
export { fill };

/**
 * How long ago `t` was at `now`, in the largest whole unit.
 *
 * @example
 * ```ts
 * age(ALERTS_STRINGS.zh, now - 3 * 3_600_000, now); // '3 小时前'
 * ```
 */
export function age(s: AlertsStrings, t: number, now: number): string {
  need('age', 's', s, 'object');
  need('age', 't', t, 'time');
  need('age', 'now', now, 'time');
  const min = Math.max(0, Math.floor((now - t) / 60_000));
  if (min < 60) return fill(s.minutesAgo, { n: min });
  if (min < 24 * 60) return fill(s.hoursAgo, { n: Math.floor(min / 60) });
  return fill(s.daysAgo, { n: Math.floor(min / (24 * 60)) });
}

/**
 * A time as local Shanghai date and time, `MM-DD HH:mm`.
 *
 * @example
 * ```ts
 * shortTime(Date.parse('2025-03-03T09:00:00+08:00')); // '03-03 09:00'
 * ```
 */
export function shortTime(t: number): string {
  if (!(typeof t === 'number' && Math.abs(t) <= 8.64e15)) throw argumentError('shortTime', 't', { zh: '有效的时间戳（毫秒）', en: 'a valid time in epoch milliseconds' });
  return chinaLocalTime(t).slice(5).replace('T', ' ');
}
