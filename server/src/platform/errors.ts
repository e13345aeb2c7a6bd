// One error vocabulary for the whole server. The wire shape is fixed: {code, message},
// the message in Chinese and safe to show to the user who caused it.

export const errorStatus = {
  /** The request body, query or parameters are malformed or out of range. */
  invalid_input: 400,
  /** No valid session: log in first. */
  unauthenticated: 401,
  /** The session is valid, but this role may not do this. */
  forbidden: 403,
  /** The object does not exist, or this user may not know that it exists. */
  not_found: 404,
  /** The object changed since the user read it, or a duplicate was created. */
  conflict: 409,
  /** The action is not allowed in the object's current state. */
  invalid_state: 409,
  /** The CSRF token is missing or wrong. */
  csrf: 403,
  /** Too many attempts. */
  rate_limited: 429,
  /** Too many failed logins: the account or the client address is locked for some minutes. */
  login_locked: 429,
  /** An administrator set this user's password: nothing but changing it until it is changed. */
  password_change_required: 403,
  /** Upload too large. */
  too_large: 413,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, userMessage: string, details?: unknown) {
    super(userMessage);
    this.code = code;
    this.status = errorStatus[code];
    this.details = details;
  }
}

export const notFound = (what = '记录') => new AppError('not_found', `${what}不存在或无权查看`);
export const forbidden = (message = '当前角色无权执行此操作') => new AppError('forbidden', message);
export const invalidState = (message: string) => new AppError('invalid_state', message);
export const invalidInput = (message: string, details?: unknown) => new AppError('invalid_input', message, details);
export const staleVersion = () => new AppError('conflict', '该记录已被他人修改，请刷新后重试');
