import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { SessionCache } from './session-cache.js';
import { findSession, hashToken, touchSession, type SessionRow } from './session.repository.js';
import type { AdminViewer, Viewer } from './viewer.js';

export const SESSION_COOKIE = 'lx_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a stranger may reach: logging in, health, the API document, the public portal. */
const PUBLIC_PATHS = ['/api/auth/login', '/api/health', '/api/openapi.json', '/api/reference/', '/api/public/'];
/** What the installation's administrator may reach besides that: its session and the congress tree. */
const ADMIN_PATHS = ['/api/auth/', '/api/installation/'];
/** What a user whose password an administrator set may reach until they change it. */
const BEFORE_PASSWORD_CHANGE = ['/api/auth/me', '/api/auth/password', '/api/auth/logout', '/api/auth/login'];
/** The last-seen stamp is written at most this often per session: idle expiry needs no finer grain. */
const TOUCH_EVERY_MS = 60_000;

export function needsLogin(url: string): boolean {
  return url.startsWith('/api/') && !PUBLIC_PATHS.some((p) => url.startsWith(p));
}

/** A write: with a session, it must carry the session's CSRF token in `x-csrf-token`. */
export function needsCsrf(method: string): boolean {
  return !SAFE_METHODS.has(method);
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
    admin: AdminViewer | null;
  }
  interface FastifyInstance {
    sessions: SessionCache;
  }
}

/** Resolves the session cookie to a Viewer (or the system administrator) and checks the CSRF header on every write. */
export const authPlugin = fp(async (app: FastifyInstance, opts: { ctx: AppContext }) => {
  const { db, clock, config } = opts.ctx;
  const idleMs = config.accountSafety.sessionIdleMinutes * 60_000;
  app.decorateRequest('viewer', null);
  app.decorateRequest('admin', null);
  const sessions = new SessionCache();
  app.decorate('sessions', sessions);

  async function sessionOf(token: string): Promise<SessionRow | undefined> {
    const now = clock.now();
    const tokenHash = hashToken(token);
    let row = sessions.get(tokenHash, now.getTime(), idleMs);
    if (!row) {
      row = await findSession(db, tokenHash, now, idleMs);
      if (row) sessions.set(tokenHash, row, now.getTime());
    }
    if (row && now.getTime() - row.last_seen_at.getTime() >= TOUCH_EVERY_MS) {
      await touchSession(db, tokenHash, now);
      row.last_seen_at = now;
    }
    return row;
  }

  // Before validation, so that a stranger learns nothing from the schema's error messages.
  app.addHook('preValidation', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    const row = token ? await sessionOf(token) : undefined;
    const isAdmin = row?.is_system_admin === true && row.grant_id === null;
    if (!row || (!isAdmin && (row.grant_id === null || row.congress_id === null || row.role === null))) {
      if (needsLogin(request.url)) throw new AppError('unauthenticated', '请先登录');
      return;
    }
    if (needsCsrf(request.method) && request.headers['x-csrf-token'] !== row.csrf_token) {
      throw new AppError('csrf', '页面已过期（安全校验失败），请刷新页面后重试');
    }
    if (
      row.must_change_password &&
      needsLogin(request.url) &&
      !BEFORE_PASSWORD_CHANGE.some((p) => request.url.startsWith(p))
    ) {
      throw new AppError('password_change_required', '您的密码由管理员设置，请先修改密码再继续使用');
    }
    const person = {
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      csrfToken: row.csrf_token,
      sessionTokenHash: row.token_hash,
      mustChangePassword: row.must_change_password,
    };
    if (isAdmin) {
      if (needsLogin(request.url) && !ADMIN_PATHS.some((p) => request.url.startsWith(p))) {
        throw new AppError('forbidden', '系统管理员只管理人大机构和联工委账号，不能使用此功能');
      }
      request.admin = person;
      return;
    }
    if (row.grant_id === null || row.congress_id === null || row.role === null) return;
    request.viewer = {
      ...person,
      grant: {
        id: row.grant_id,
        congressId: row.congress_id,
        role: row.role,
        deputyId: row.deputy_id,
        unitId: row.unit_id,
        unitSystemId: row.unit_system_id,
        committeeId: row.committee_id,
        deputyGroupId: row.deputy_group_id,
      },
    };
  });
});

export function requireViewer(request: FastifyRequest): Viewer {
  if (!request.viewer) {
    if (request.admin) throw new AppError('forbidden', '系统管理员不能使用此功能');
    throw new AppError('unauthenticated', '请先登录');
  }
  return request.viewer;
}

/** The installation's administrator, or 403 for anyone else. */
export function requireAdmin(request: FastifyRequest): AdminViewer {
  if (request.admin) return request.admin;
  if (!request.viewer) throw new AppError('unauthenticated', '请先登录');
  throw new AppError('forbidden', '只有系统管理员可以执行此操作');
}

/** Whoever is signed in, congress role or administrator (their own session and password). */
export function requirePerson(request: FastifyRequest): AdminViewer {
  const person = request.viewer ?? request.admin;
  if (!person) throw new AppError('unauthenticated', '请先登录');
  return person;
}
