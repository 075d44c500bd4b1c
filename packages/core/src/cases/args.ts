/**
 * Argument checks of the case loop's exported functions: a wrong argument is a `JcError`
 * (`E_INVALID_INPUT`, naming the argument in zh and en), never a bare `TypeError` nor a
 * silently wrong figure.
 * @module
 */
import { issue, JcError } from '../errors/errors.js';

/**
 * The error for a wrong argument `name`, which should be `zh` / `en`.
 *
 * @example
 * ```ts
 * throw badArgument('capacity', '非负整数', 'a non-negative integer');
 * ```
 */
export function badArgument(name: string, zh: string, en: string): JcError {
  return new JcError(issue('E_INVALID_INPUT', `参数 ${name} 无效：应为${zh}`, `invalid argument ${name}: expected ${en}`, { column: name }));
}

/** @internal */
export const isObj = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object';

/** Throws unless `h` looks like a hierarchy index. @internal */
export function checkHierarchyArg(h: unknown, name = 'hierarchy'): void {
  if (!isObj(h) || typeof h.indexOf !== 'function' || typeof h.code !== 'function' || !isObj(h.config) || !h.levelOf) {
    throw badArgument(name, '层级索引（buildHierarchy 的结果）', 'a hierarchy index (from buildHierarchy)');
  }
}

/** Throws unless `t` looks like a category table. @internal */
export function checkCategoriesArg(t: unknown, name = 'categories'): void {
  if (!isObj(t) || typeof t.indexOf !== 'function' || typeof t.get !== 'function' || !Array.isArray(t.list)) {
    throw badArgument(name, '事项类别表（buildCategoryTable 的结果）', 'a category table (from buildCategoryTable)');
  }
}

/** Throws unless `a` is an actor: an id and a list of grants. @internal */
export function checkActorArg(a: unknown, name = 'actor'): void {
  if (!isObj(a) || typeof a.id !== 'string' || !Array.isArray(a.roles) || !a.roles.every((g) => isObj(g) && typeof g.role === 'string' && typeof g.node === 'string')) {
    throw badArgument(name, '操作人（id 与角色授权列表）', 'an actor (an id and a list of role grants)');
  }
}

/** Throws unless `s` is a case state. @internal */
export function checkStateArg(s: unknown, name = 'state'): void {
  if (!isObj(s) || typeof s.id !== 'string' || typeof s.status !== 'string' || typeof s.version !== 'number' || typeof s.node !== 'string') {
    throw badArgument(name, '案件状态（CaseState）', 'a case state (CaseState)');
  }
}

/** Throws unless `e` is shaped like a case event. @internal */
export function checkEventArg(e: unknown, name = 'event'): void {
  if (!isObj(e) || typeof e.caseId !== 'string' || typeof e.type !== 'string' || typeof e.version !== 'number' || typeof e.at !== 'number'
    || typeof e.actor !== 'string' || typeof e.roleNode !== 'string' || !isObj(e.data)) {
    throw badArgument(name, '案件事件（AnyCaseEvent）', 'a case event (AnyCaseEvent)');
  }
}

/** Throws unless `x` is iterable. @internal */
export function checkIterableArg(x: unknown, name: string): void {
  if (x === null || x === undefined || typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function' || typeof x === 'string') {
    throw badArgument(name, '可迭代的列表', 'an iterable list');
  }
}
