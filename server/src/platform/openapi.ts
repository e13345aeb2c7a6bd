import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { needsCsrf, needsLogin, SESSION_COOKIE } from './auth/auth.plugin.js';

// The OpenAPI document (GET /api/openapi.json) comes from the routes' zod schemas. What no
// route states on its own is added here, from the same facts the server acts on: which
// operations need the session cookie and the CSRF header (auth.plugin.ts), and what each
// status means.

const CSRF_HEADER = 'x-csrf-token';

const description = `连心（人大代表建议办理系统）的 JSON 接口，浏览器端与第三方集成使用同一套接口。

**登录与会话**：\`POST /api/auth/login\` 成功后服务器设置会话 Cookie \`${SESSION_COOKIE}\`（HttpOnly），答复中的 \`csrfToken\` 须在此后每个写请求（POST、PUT）的 \`${CSRF_HEADER}\` 请求头中带上；\`GET /api/auth/me\` 可再次取得。切换角色（\`POST /api/auth/switch-role\`）后，所见数据与可执行操作随当前角色而变。

**错误**：所有错误答复都是 \`{code, message}\`（组件 \`Error\`），\`message\` 为可直接展示的中文说明。401 未登录；403 当前角色无权执行或 CSRF 令牌不对；404 不存在或无权查看（二者答复相同）；409 记录已被他人修改（\`version\` 已过期）或当前状态不允许此操作。

**一件建议的办理**：读取详情 \`GET /api/suggestions/{id}\`，其中 \`abilities\` 列出当前用户此刻可执行的操作（为 true 才调用对应接口），\`version\` 用于乐观锁：把读到的 \`version\` 随写请求提交，若他人已先行修改，答复 409，应重新读取详情后再试。写操作默认答复建议的最新详情（含新的 \`version\` 与 \`abilities\`）；请求头 \`Prefer: return=minimal\` 时只答复 \`{id, version, status}\`。`;

/** What each status means, the same for every operation; a route's own description says more. */
const statusDescriptions: Record<string, string> = {
  200: '成功',
  201: '已创建',
  204: '成功，无内容',
  207: '部分成功：逐项见各自的 status、code 与 message',
  304: '未修改：浏览器持有的这一页仍是最新（If-None-Match 与 ETag 相同），无内容',
  400: '输入有误：字段缺失、格式或取值范围不对，或请求体不是合法的 JSON',
  401: '未登录或会话已过期：先调用 POST /api/auth/login',
  403: `当前角色无权执行此操作，或写请求缺少 ${CSRF_HEADER} 请求头、令牌不对`,
  404: '记录不存在或无权查看（二者答复相同）',
  409: '记录已被他人修改（提交的 version 已过期，请重新读取后重试），或在当前状态下不能执行此操作',
  413: '请求内容过大（请求体不超过2MB，附件不超过10MB）',
  429: '尝试过于频繁，请稍后再试',
};

const UPLOAD = 'x-upload';

/**
 * A route that takes one file as multipart/form-data: its body is read by @fastify/multipart, not
 * validated by a schema, so the document gets its request body from here.
 */
export function uploadBody(field: string, description: string) {
  return { [UPLOAD]: { field, description } } as const;
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];
type JsonObject = Record<string, unknown>;

function securityOf(method: string | readonly string[], url: string) {
  if (!needsLogin(url)) return [];
  const methods = typeof method === 'string' ? [method] : method;
  return methods.some(needsCsrf) ? [{ session: [], csrf: [] }] : [{ session: [] }];
}

/** One route's schema → its operation: zod to JSON Schema, and who may call it. */
function transform(input: TransformInput) {
  const result = jsonSchemaTransform(input);
  const schema = result.schema as JsonObject & { hide?: boolean; security?: unknown };
  if (!schema.hide) schema.security ??= securityOf(input.route.method, input.url);
  return result;
}

function collectRefs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) value.forEach((v) => collectRefs(v, into));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') into.add(child.replace('#/components/schemas/', ''));
      else collectRefs(child, into);
    }
  }
}

/**
 * The whole document: the registered zod schemas as components (only those referenced:
 * fastify-type-provider-zod emits an input and an output form of each), and a description
 * for every answer that has none of its own.
 */
function transformObject(input: Parameters<typeof jsonSchemaTransformObject>[0]) {
  const document = jsonSchemaTransformObject(input) as JsonObject & {
    paths: Record<string, Record<string, JsonObject>>;
    components: { schemas: Record<string, unknown> };
  };
  const schemas = document.components.schemas;
  const used = new Set<string>();
  collectRefs(document.paths, used);
  for (let grew = true; grew;) {
    const before = used.size;
    for (const name of [...used]) collectRefs(schemas[name], used);
    grew = used.size > before;
  }
  document.components.schemas = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations) as (JsonObject & { responses?: Record<string, JsonObject> })[]) {
      const upload = operation[UPLOAD] as { field: string; description: string } | undefined;
      if (upload) {
        delete operation[UPLOAD];
        const file = { type: 'string', format: 'binary', description: upload.description };
        operation.requestBody = {
          required: true,
          content: {
            'multipart/form-data': {
              schema: { type: 'object', required: [upload.field], properties: { [upload.field]: file } },
            },
          },
        };
      }
      for (const [status, answer] of Object.entries(operation.responses ?? {})) {
        if (answer.description === 'Default Response' || (Number(status) >= 400 && statusDescriptions[status]))
          answer.description = statusDescriptions[status] ?? '成功';
      }
    }
  }
  return document;
}

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: { title: '连心 · 代表建议办理系统 API', version: '0.1.0', description },
      servers: [{ url: '/', description: '提供本文档的服务器（各路径以 /api 开头）' }],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: '会话 Cookie，由 POST /api/auth/login 设置（HttpOnly，7天）',
          },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: CSRF_HEADER,
            description: '写请求（POST、PUT）须带的 CSRF 令牌：登录答复或 GET /api/auth/me 中的 csrfToken',
          },
        },
      },
    },
    transform,
    transformObject,
  });
}
