import type { FastifyRequest } from 'fastify';
import type { RoleName } from '../../db/schema.js';
import { roleLabels } from '../../shared/labels.js';
import { forbidden } from '../errors.js';
import { requireViewer } from './auth.plugin.js';
import type { Viewer } from './viewer.js';

/** The coarse gate: may this role act here at all. Which rows it may touch is the module policy's job. */
export function requireRole(request: FastifyRequest, roles: readonly RoleName[]): Viewer {
  const viewer = requireViewer(request);
  if (!roles.includes(viewer.grant.role)) {
    throw forbidden(`${roleLabels[viewer.grant.role]}无权执行此操作`);
  }
  return viewer;
}
