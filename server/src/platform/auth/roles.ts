import type { FastifyRequest } from 'fastify';
import type { RoleName } from '../../db/schema.js';
import { forbidden } from '../errors.js';
import { requireViewer } from './auth.plugin.js';
import type { Viewer } from './viewer.js';

export const roleLabels: Record<RoleName, string> = {
  deputy: '人大代表',
  liaison_office: '联工委',
  government_office: '政府办公厅',
  unit_handler: '承办单位经办人',
  unit_reviewer: '承办单位审核人',
  unit_signer: '承办单位签发人',
  committee: '专门委员会',
  leader: '常委会领导',
};

export const unitRoles: readonly RoleName[] = ['unit_handler', 'unit_reviewer', 'unit_signer'];

/** The coarse gate: may this role act here at all. Which rows it may touch is the module policy's job. */
export function requireRole(request: FastifyRequest, roles: readonly RoleName[]): Viewer {
  const viewer = requireViewer(request);
  if (!roles.includes(viewer.grant.role)) {
    throw forbidden(`${roleLabels[viewer.grant.role]}无权执行此操作`);
  }
  return viewer;
}
