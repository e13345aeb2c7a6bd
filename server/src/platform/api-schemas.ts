import { z } from 'zod';
import { errorStatus } from './errors.js';

// The building blocks of every route's response schema. Pure zod, no Node imports: the web
// app imports the types inferred from these schemas (`z.input` is what travels on the wire).

/**
 * An instant. The server holds a Date and sends its ISO 8601 form (UTC, `…Z`): the response
 * serializer encodes through this codec, so `z.output` is Date and `z.input` is string.
 */
export const timestamp = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

/** A calendar day, `YYYY-MM-DD` (deadlines are days, not instants). */
export const calendarDay = z.iso.date();

/**
 * A closed set of stable lowercase values, from a map of their Chinese labels
 * (server/src/shared/labels.ts); the description lists each value with its label.
 */
export function enumOf<const L extends Record<string, string>>(labels: L, what: string) {
  const values = Object.keys(labels) as [keyof L & string, ...(keyof L & string)[]];
  const listed = values.map((v) => `${v}（${labels[v]}）`).join('、');
  return z.enum(values).describe(`${what}：${listed}`);
}

/** Every `code` an error answer may carry (platform/errors.ts), and `internal` for a 500. */
export const errorCodes = [...(Object.keys(errorStatus) as (keyof typeof errorStatus)[]), 'internal'] as const;

/** The one error shape of the whole API. */
export const errorBody = z
  .object({
    code: z.enum(errorCodes).describe('稳定的错误代码，程序据此判断；与 HTTP 状态码对应见 platform/errors.ts'),
    message: z.string().describe('中文说明，可直接展示给用户'),
    details: z.unknown().optional().describe('输入校验错误时为各字段的问题：[{path, message}]'),
  })
  .meta({ id: 'Error', description: '错误答复：{code, message}，message 为可直接展示的中文说明' });
export type ErrorBody = z.input<typeof errorBody>;

/** The failure statuses an operation may declare, each answered with `errorBody`. */
export type FailureStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429;

/** `{400: errorBody, 401: errorBody, …}` for a route's `response`. */
export function failures<const S extends FailureStatus>(...statuses: S[]): Record<S, typeof errorBody> {
  return Object.fromEntries(statuses.map((s) => [s, errorBody])) as Record<S, typeof errorBody>;
}

/** What a logged-in read may answer besides success. */
export const readFailures = failures(400, 401, 404);
/** What a logged-in write may answer besides success (413: the body is over 2 MB). */
export const writeFailures = failures(400, 401, 403, 404, 409, 413);

/**
 * A response without a body (204, 304): `reply.code(204).send()`. In the OpenAPI document it is
 * a response with no content (fastify-type-provider-zod writes it as `type: 'null'`).
 */
export const noContent = z.undefined();

/** GET /api/health */
export const healthBody = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']).describe('pglite：内嵌数据库；postgres：PostgreSQL 服务器'),
});
