/**
 * Comprehensive enforcement at town level, "1+N+X" 基层综合执法: one team per town (its own
 * officers and the county officers sent down, 一支队伍管执法), enforcing only what the town's
 * catalogue empowers it for, and recording the three steps of "一次告知、一次上门、一次到位"
 * (inform once, visit once, settle once) as events of the case. The event types are in
 * `enforcement-events.ts`, merged into the case events.
 * @module
 */
import { badArgument } from './args.js';
import { isList } from '../errors/args.js';
import { fail, issue, ok, type JcIssue, type Result } from '../errors/errors.js';
import type { Actor } from './actor.js';
import { isEmpowered } from './categories.js';
import type { CaseContext } from './decide.js';
import type { AnyCaseEvent, CaseEvent } from './events.js';
import { ENFORCEMENT_EVENT_TITLES, type EnforcementEventData } from './enforcement-events.js';
import { rulesInstant } from './rules.js';
import type { CaseState } from './state.js';

/**
 * A member of a town's enforcement team: the town's own officers (`town`), county officers
 * sent down (`county`, with their department), and auxiliary forces (`auxiliary`: grid
 * workers and others who assist but do not act alone).
 *
 * @example
 * ```ts
 * const m: TeamMember = { id: 'co1', kind: 'county', home: '350302000000', department: '市场监管' };
 * ```
 */
export interface TeamMember {
  /** Actor id. */
  id: string;
  kind: 'town' | 'county' | 'auxiliary';
  /** Code of the body the member comes from (the town, or the county that sent them down). */
  home: string;
  department?: string;
}

/**
 * A town's comprehensive enforcement team (一支队伍管执法).
 *
 * @example
 * ```ts
 * const t: EnforcementTeam = { town: '350302101000', members: [{ id: 'to1', kind: 'town', home: '350302101000' }] };
 * ```
 */
export interface EnforcementTeam {
  town: string;
  members: TeamMember[];
}

/**
 * An enforcement step: who records it (an actor of the team) and with whom.
 *
 * @example
 * ```ts
 * const c: EnforcementCommand = { type: 'visit', caseId: 'c-1', expectedVersion: 4, note: '联合上门检查', members: ['to1', 'co1'] };
 * ```
 */
export interface EnforcementCommand {
  type: 'notify' | 'visit' | 'settle';
  caseId: string;
  expectedVersion: number;
  note: string;
  /** Team members taking part (the actor is added). */
  members?: string[];
  /** The outcome (settle only). */
  outcome?: string;
}

const STEP: Record<EnforcementCommand['type'], keyof EnforcementEventData> = { notify: 'enforcementNotified', visit: 'enforcementVisited', settle: 'enforcementSettled' };
const ORDER: (keyof EnforcementEventData)[] = ['enforcementNotified', 'enforcementVisited', 'enforcementSettled'];

const MESSAGES = {
  E_ENF_NOT_TOWN: ['案件不在镇街综合执法队伍手中', 'the case is not with a town enforcement team'],
  E_ENF_NOT_ENFORCEMENT: ['该类事项不属于执法事项', 'the category is not an enforcement matter'],
  E_ENF_NOT_EMPOWERED: ['该镇街的赋权事项目录中没有此类事项', "the town's empowered-matters catalogue does not list this category"],
  E_ENF_NOT_MEMBER: ['不是该镇街综合执法队伍的成员', "not a member of the town's enforcement team"],
  E_ENF_ORDER: ['须依次一次告知、一次上门、一次到位', 'the steps go in order: inform, visit, settle'],
  E_ENF_ONCE: ['该步骤只做一次', 'this step is done once only'],
  E_ENF_WRONG_STATE: ['案件须已签收且在处置中', 'the case must be accepted and in handling'],
  E_ENF_STALE: ['案件已被他人修改，请刷新后重试', 'the case has changed since you loaded it: reload and retry'],
  E_ENF_INPUT: ['输入无效', 'invalid input'],
} as const satisfies Record<string, readonly [string, string]>;
const enfIssue = (code: keyof typeof MESSAGES, detail?: string): JcIssue =>
  issue(code, detail ? `${MESSAGES[code][0]}：${detail}` : MESSAGES[code][0], detail ? `${MESSAGES[code][1]}: ${detail}` : MESSAGES[code][1]);

/**
 * The enforcement steps a case's events record, in order.
 *
 * @example
 * ```ts
 * enforcementSteps(store.events('c-1')); // ['enforcementNotified', 'enforcementVisited']
 * ```
 */
export function enforcementSteps(events: readonly AnyCaseEvent[]): (keyof EnforcementEventData)[] {
  if (!isList(events) || !events.every((e) => e !== null && typeof e === 'object')) throw badArgument('events', '案件事件列表', 'a list of case events');
  return events.filter((e) => (ORDER as string[]).includes(e.type)).map((e) => e.type as keyof EnforcementEventData);
}

/**
 * Decides an enforcement step on a case: the case is in handling at a town, its category is
 * an enforcement matter the town's catalogue empowers it for (the lists' rules at the case's
 * dispatch when `ctx.rules` is set), the actor and every named member belong to that town's
 * team (auxiliary members may join but not record), the steps go in order and each happens
 * once. Gives the event to append (through `CaseStore.apply`), or the refusal.
 *
 * @example
 * ```ts
 * const r = decideEnforcement({ type: 'notify', caseId: 'c-1', expectedVersion: 4, note: '一次性告知整改要求' }, actor, events, team, ctx);
 * if (r.ok) store.apply(r.value);
 * ```
 */
export function decideEnforcement(
  cmd: EnforcementCommand, actor: Actor, events: readonly AnyCaseEvent[], state: CaseState | undefined,
  team: EnforcementTeam | undefined, ctx: CaseContext,
): Result<AnyCaseEvent> {
  if (!cmd || !STEP[cmd.type] || typeof cmd.note !== 'string' || (cmd.type === 'settle' && (typeof cmd.outcome !== 'string' || cmd.outcome.trim() === ''))) return fail([enfIssue('E_ENF_INPUT')]);
  const s = state;
  if (!s) return fail([enfIssue('E_ENF_INPUT', cmd.caseId)]);
  if (cmd.expectedVersion !== s.version) return fail([enfIssue('E_ENF_STALE', `${cmd.expectedVersion} ≠ ${s.version}`)]);
  if (s.status !== 'handling') return fail([enfIssue('E_ENF_WRONG_STATE', s.status)]);
  const h = ctx.hierarchy;
  const pos = s.handler === null ? -1 : h.indexOf(s.handler);
  if (pos < 0 || h.config.levels[h.levelOf[pos]].id !== (ctx.empoweredLevel ?? 'town') || !team || team.town !== s.handler) return fail([enfIssue('E_ENF_NOT_TOWN', s.handler ?? '')]);
  const cat = s.category === null ? undefined : ctx.categories.get(s.category);
  if (!cat?.enforcement) return fail([enfIssue('E_ENF_NOT_ENFORCEMENT', s.category ?? '')]);
  const empowered = ctx.rules ? ctx.rules.empowered(s.handler, cat.id, rulesInstant(s, ctx.clock)) : isEmpowered(ctx.catalogue, ctx.categories, s.handler, cat.id);
  if (!empowered) return fail([enfIssue('E_ENF_NOT_EMPOWERED', `${s.handler} ${cat.id}`)]);
  const me = team.members.find((m) => m.id === actor.id);
  if (!me || me.kind === 'auxiliary') return fail([enfIssue('E_ENF_NOT_MEMBER', actor.id)]);
  const all = [...new Set([actor.id, ...(cmd.members ?? [])])];
  const outsider = all.find((id) => !team.members.some((m) => m.id === id));
  if (outsider) return fail([enfIssue('E_ENF_NOT_MEMBER', outsider)]);
  const type = STEP[cmd.type];
  const done = enforcementSteps(events);
  if (done.includes(type)) return fail([enfIssue('E_ENF_ONCE', ENFORCEMENT_EVENT_TITLES[type].zh)]);
  const k = ORDER.indexOf(type);
  if (done.length !== k) return fail([enfIssue('E_ENF_ORDER')]);
  const grant = actor.roles.find((g) => g.node === me.home) ?? actor.roles[0];
  if (!grant) return fail([enfIssue('E_ENF_NOT_MEMBER', actor.id)]);
  const data = type === 'enforcementSettled' ? { note: cmd.note, members: all, outcome: cmd.outcome! } : { note: cmd.note, members: all };
  const event = { caseId: s.id, version: s.version + 1, type, at: Math.max(ctx.clock(), s.lastAt), actor: actor.id, role: grant.role, roleNode: grant.node, data } as CaseEvent<typeof type>;
  return ok(Object.freeze(event) as AnyCaseEvent);
}
