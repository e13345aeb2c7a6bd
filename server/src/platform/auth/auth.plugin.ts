import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db.js';
import { AppError } from '../errors.js';
import { SessionCache } from './session-cache.js';
import { findSession, hashToken } from './session.repository.js';
import type { Viewer } from './viewer.js';

export const SESSION_COOKIE = 'lx_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a stranger may reach: logging in, health, the API document, the public portal. */
const PUBLIC_PATHS = ['/api/auth/login', '/api/health', '/api/openapi.json', '/api/reference/', '/api/public/'];

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
  }
  interface FastifyInstance {
    sessions: SessionCache;
  }
}

/** Resolves the session cookie to a Viewer and checks the CSRF header on every write. */
export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db }) => {
  app.decorateRequest('viewer', null);
  const sessions = new SessionCache();
  app.decorate('sessions', sessions);
  // Before validation, so that a stranger learns nothing from the schema's error messages.
  app.addHook('preValidation', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    let row;
    if (token) {
      const tokenHash = hashToken(token);
      row = sessions.get(tokenHash);
      if (!row) {
        row = await findSession(opts.db, token);
        if (row) sessions.set(tokenHash, row);
      }
    }
    if (!row || row.grant_id === null || row.congress_id === null || row.role === null) {
      if (needsLogin(request.url)) throw new AppError('unauthenticated', '请先登录');
      return;
    }
    if (needsCsrf(request.method) && request.headers['x-csrf-token'] !== row.csrf_token) {
      throw new AppError('csrf', '页面已过期（安全校验失败），请刷新页面后重试');
    }
    request.viewer = {
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      csrfToken: row.csrf_token,
      sessionTokenHash: row.token_hash,
      grant: {
        id: row.grant_id,
        congressId: row.congress_id,
        role: row.role,
        deputyId: row.deputy_id,
        unitId: row.unit_id,
        unitSystemId: row.unit_system_id,
        committeeId: row.committee_id,
      },
    };
  });
});

export function requireViewer(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new AppError('unauthenticated', '请先登录');
  return request.viewer;
}
