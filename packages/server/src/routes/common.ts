/**
 * What the API's route modules (the case API in `app.ts`, alerts, engagement) share: the
 * OpenAPI response helpers, the bearer security requirement, a node code to its position
 * (404 `E_UNKNOWN_NODE`), and a domain's refusal statuses on top of `ApiError.fromIssues`.
 * @module
 */
import { z } from '@hono/zod-openapi';
import type { HierarchyIndex, JcIssue } from '@jiceng/core';
import { ApiError, errorSchema, type ApiErrorBody, type ErrorStatus } from '../errors.js';

/** A JSON response of `schema`. @example `json(S.meSchema, 'The caller')` */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
/** An error response (the one error shape). @example `err('Not found')` */
export const err = (description: string) => json(errorSchema, description);
/** The bearer-token requirement of an authenticated route. @example `createRoute({ …, security })` */
export const security = [{ bearer: [] as string[] }];

/**
 * The position of a node code; an unknown code is a 404 `E_UNKNOWN_NODE` on `column`.
 *
 * @example
 * ```ts
 * const pos = nodeAt(h, q.node);
 * ```
 */
export function nodeAt(h: HierarchyIndex, code: string, column = 'node'): number {
  const pos = h.indexOf(code);
  if (pos < 0) throw ApiError.fromIssues([{ code: 'E_UNKNOWN_NODE', zh: `节点不存在：${code}`, en: `no such node: ${code}`, column }]);
  return pos;
}

/**
 * A domain's refusals as answers: `ApiError.fromIssues`, with the status the domain gives its own
 * codes (missing records 404, state conflicts 409…) where the server's table has none.
 *
 * @example
 * ```ts
 * const refusal = refusalOf({ E_NO_ALERT: 404 });
 * throw refusal(r.errors);
 * ```
 */
export function refusalOf(statuses: Readonly<Record<string, ErrorStatus>>): (issues: readonly JcIssue[], extra?: Partial<ApiErrorBody['error']>) => ApiError {
  return (issues, extra = {}) => {
    const e = ApiError.fromIssues(issues, extra);
    const s = statuses[issues[0]?.code ?? ''];
    return s ? new ApiError(s, e.body) : e;
  };
}
