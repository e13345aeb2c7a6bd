// The one way the web app talks to the server: same-origin fetch, the session cookie sent
// by the browser, the CSRF header on every non-GET request, errors as ApiError with the
// server's Chinese message ready to show.

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
  get isConflict(): boolean {
    return this.status === 409;
  }
  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Query = Record<string, string | number | boolean | null | undefined | readonly (string | number)[]>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, String(v)));
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const fallbackMessages: Record<number, string> = {
  400: '提交的内容有误，请检查后重试',
  401: '登录已过期，请重新登录',
  403: '当前角色无权执行此操作',
  404: '记录不存在或无权查看',
  409: '该记录已被他人修改，请刷新后重试',
  413: '上传的文件过大',
  429: '操作过于频繁，请稍后再试',
};

async function toApiError(response: Response): Promise<ApiError> {
  let code = 'http_error';
  let message = fallbackMessages[response.status] ?? `服务器出错（${response.status}），请稍后再试`;
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object') {
      const b = body as { code?: unknown; message?: unknown };
      if (typeof b.code === 'string') code = b.code;
      if (typeof b.message === 'string' && b.message) message = b.message;
    }
  } catch {
    // not JSON: keep the fallback text
  }
  return new ApiError(response.status, code, message);
}

export async function apiRequest<T>(method: string, path: string, body?: unknown): Promise<T> {
  return (await apiExchange<T>(method, path, body)).body;
}

/**
 * The answer with its status, for a caller that tells 2xx answers apart: the batch assignment
 * answers 200 when every item went through and 207 (Multi-Status) when some did not.
 */
export async function apiExchange<T>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return { status: 204, body: undefined as T };
  const type = response.headers.get('content-type') ?? '';
  const answer = (type.includes('application/json') ? await response.json() : await response.text()) as T;
  return { status: response.status, body: answer };
}

export const api = {
  get: <T>(path: string, query?: Query) => apiRequest<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body: unknown = {}) => apiRequest<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, body),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};

/** The Chinese text to show for any error thrown by a request or a form. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return '操作失败，请稍后再试';
}
