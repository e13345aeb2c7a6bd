import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './errors.js';

const fieldNames: Record<string, string> = {
  title: '标题',
  body: '正文',
  categoryCode: '类别',
  reason: '理由',
  comment: '意见',
  username: '用户名',
  password: '密码',
};

/** `标题：` before a field's message, unless the message names the field already (标题过短). */
function describePath(path: readonly PropertyKey[], message: string): string {
  const key = path.filter((p) => typeof p === 'string').at(-1);
  if (typeof key !== 'string') return '';
  const name = fieldNames[key] ?? key;
  return message.startsWith(name) ? '' : `${name}：`;
}

// Postgres error codes that are the client's fault: say so in Chinese, never leak the SQL.
const pgClientErrors: Record<string, AppError> = {
  '23505': new AppError('conflict', '记录重复，可能已被他人提交，请刷新后查看'),
  '23503': new AppError('invalid_input', '引用的记录不存在'),
  '22P02': new AppError('invalid_input', '参数格式不正确'),
  '22001': new AppError('invalid_input', '内容过长'),
  '22003': new AppError('invalid_input', '数值超出范围'),
  '22007': new AppError('invalid_input', '日期格式不正确'),
  '22008': new AppError('invalid_input', '日期超出范围'),
  // Two transactions waited on each other, or could not both be serialised: nothing was saved.
  '40P01': new AppError('conflict', '他人正在同时办理相关建议，操作未保存，请重试'),
  '40001': new AppError('conflict', '他人正在同时办理相关建议，操作未保存，请重试'),
};

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & { code?: string }, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({ code: error.code, message: error.message, details: error.details });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => {
        const issue = (v.params as { issue?: { path?: PropertyKey[] } } | undefined)?.issue;
        const path = issue?.path ?? v.instancePath.split('/').filter(Boolean);
        const message = v.message ?? '格式不正确';
        return { path: v.instancePath, message: `${describePath(path, message)}${message}` };
      });
      const first = issues[0]?.message ?? '请求参数不正确';
      return reply.status(400).send({ code: 'invalid_input', message: `输入有误：${first}`, details: issues });
    }
    const pgError = typeof error.code === 'string' ? pgClientErrors[error.code] : undefined;
    if (pgError) return reply.status(pgError.status).send({ code: pgError.code, message: pgError.message });
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return reply.status(400).send({ code: 'invalid_input', message: '请求内容不是合法的JSON' });
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.status(400).send({ code: 'invalid_input', message: '请求内容为空' });
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
        return reply.status(413).send({ code: 'too_large', message: '上传内容过大' });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.status(415).send({ code: 'invalid_input', message: '不支持的内容类型，请以JSON提交' });
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({ code: 'rate_limited', message: '尝试过于频繁，请稍后再试' });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ code: 'invalid_input', message: '请求不正确' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'internal', message: '服务器内部错误，请稍后重试' });
  });
}
