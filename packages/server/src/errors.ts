/**
 * One error shape for every answer that is not a success: `{ error: { code, zh, en, fields? } }`,
 * with the HTTP status derived from the code. The core's refusals keep their own codes and
 * messages; the server adds its own (authentication, limits) in the same form.
 * @module
 */
import { z } from '@hono/zod-openapi';
import { JcError, type JcIssue } from '@jiceng/core';

/**
 * The server's own error codes and their zh/en messages.
 *
 * @example
 * ```ts
 * SERVER_MESSAGES.E_UNAUTHENTICATED.en; // 'sign in first: a bearer token is required'
 * ```
 */
export const SERVER_MESSAGES = Object.freeze({
  E_UNAUTHENTICATED: { zh: '请先登录：需要有效的访问令牌', en: 'sign in first: a bearer token is required' },
  E_BAD_TOKEN: { zh: '访问令牌无效或已过期', en: 'the bearer token is invalid or has expired' },
  E_NOT_FOUND: { zh: '资源不存在', en: 'not found' },
  E_OUT_OF_SCOPE: { zh: '超出您的管辖范围', en: 'outside your scope' },
  E_STALE_VERSION: { zh: '案件已被他人修改，请刷新后重试', en: 'the case has changed since you loaded it: reload and retry' },
  E_INVALID_INPUT: { zh: '输入无效', en: 'invalid input' },
  E_TOO_LARGE: { zh: '请求体过大', en: 'the request body is too large' },
  E_RATE_LIMITED: { zh: '请求过于频繁，请稍后再试', en: 'too many requests: try again shortly' },
  E_TIMEOUT: { zh: '请求超时', en: 'the request timed out' },
  E_INTERNAL: { zh: '服务器内部错误', en: 'internal server error' },
  E_DEV_SIGNIN_OFF: { zh: '开发登录未开启', en: 'development sign-in is switched off' },
  E_UNKNOWN_PERSON: { zh: '没有此人员', en: 'no such person' },
  E_NO_MAP: { zh: '此城市没有地图数据', en: 'this city has no map data' },
} as const);

/** A code of the server's own. @example `const c: ServerCode = 'E_RATE_LIMITED';` */
export type ServerCode = keyof typeof SERVER_MESSAGES;

/**
 * The schema of every error answer.
 *
 * @example
 * ```ts
 * errorSchema.parse({ error: { code: 'E_NOT_FOUND', zh: '资源不存在', en: 'not found' } });
 * ```
 */
export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    zh: z.string(),
    en: z.string(),
    /** Per-field messages (422). */
    fields: z.array(z.object({ field: z.string(), code: z.string(), zh: z.string(), en: z.string() })).optional(),
    /** The case's current version (409). */
    currentVersion: z.number().int().optional(),
  }),
}).openapi('Error');

/** An error answer. @example `const e: ApiErrorBody = { error: { code: 'E_NOT_FOUND', zh: '资源不存在', en: 'not found' } };` */
export type ApiErrorBody = z.infer<typeof errorSchema>;

/** Statuses the API answers errors with. @example `const s: ErrorStatus = 409;` */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503 | 504;

const STATUS: Record<string, ErrorStatus> = {
  E_UNAUTHENTICATED: 401, E_BAD_TOKEN: 401,
  E_OUT_OF_SCOPE: 403, E_NOT_PERMITTED: 403, E_NOT_HANDLER: 403, E_DEV_SIGNIN_OFF: 404, E_FORBIDDEN_VIEW: 403,
  E_NOT_FOUND: 404, E_NO_CASE: 404, E_UNKNOWN_NODE: 404, E_UNKNOWN_PERSON: 404, E_NO_MAP: 404,
  E_STALE_VERSION: 409, E_CASE_EXISTS: 409, E_BAD_VERSION: 409,
  E_TOO_LARGE: 413, E_RATE_LIMITED: 429, E_INTERNAL: 500, E_TIMEOUT: 504,
};

/**
 * An error the routes throw or return: a status and the one JSON body.
 *
 * @example
 * ```ts
 * throw ApiError.of('E_NOT_FOUND');
 * ```
 */
export class ApiError extends JcError {
  /** The HTTP status. */
  readonly status: ErrorStatus;
  /** The answer's body. */
  readonly body: ApiErrorBody;
  constructor(status: ErrorStatus, body: ApiErrorBody) {
    // A body that is not an error body is itself the error: the server's own, not a TypeError.
    const e = body?.error;
    const known = typeof e === 'object' && e !== null && typeof e.code === 'string' && typeof e.zh === 'string' && typeof e.en === 'string';
    if (!known) body = { error: { code: 'E_INTERNAL', ...SERVER_MESSAGES.E_INTERNAL } };
    if (!known || !Number.isSafeInteger(status) || status < 400 || status > 599) status = 500;
    super({ code: body.error.code, zh: body.error.zh, en: body.error.en });
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }

  /** An error of the server's own code. @example `ApiError.of('E_RATE_LIMITED')` */
  static of(code: ServerCode, extra: Partial<ApiErrorBody['error']> = {}): ApiError {
    return new ApiError(STATUS[code] ?? 400, { error: { code, ...SERVER_MESSAGES[code], ...extra } });
  }

  /**
   * The error for the core's refusal: the first issue gives the code and message; every
   * issue with a field path is listed in `fields`. Input problems answer 422, scope and
   * role 403, a stale version 409.
   *
   * @example
   * ```ts
   * const r = decide(cmd, actor, lookup, ctx);
   * if (!r.ok) throw ApiError.fromIssues(r.errors);
   * ```
   */
  static fromIssues(issues: readonly JcIssue[], extra: Partial<ApiErrorBody['error']> = {}): ApiError {
    const first = issues[0] ?? { code: 'E_INTERNAL', ...SERVER_MESSAGES.E_INTERNAL };
    const fields = issues.filter((i) => i.column).map((i) => ({ field: i.column!, code: i.code, zh: i.zh, en: i.en }));
    const status = STATUS[first.code] ?? 422;
    return new ApiError(status, {
      error: { code: first.code, zh: first.zh, en: first.en, ...(fields.length ? { fields } : {}), ...extra },
    });
  }
}
