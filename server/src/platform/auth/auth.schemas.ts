import { z } from 'zod';
import { roleLabels } from '../../shared/labels.js';
import { enumOf } from '../api-schemas.js';
import { passwordRule } from './password-rule.js';

// Logging in, the session and the roles: requests and answers of auth.routes.ts.
// Pure zod: the web app takes its session types from here.

export const loginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});

export const passwordBody = z.object({
  currentPassword: z.string().min(1, '请输入原密码').max(128),
  newPassword: z.string().max(128).describe(`新密码：${passwordRule}`),
});

export const switchRoleBody = z.object({
  grantId: z.number().int().positive().describe('要切换到的角色：grants[].id'),
});

const id = z.number().int();

export const grantBody = z.object({
  id: id.describe('角色 id：切换角色时作为 grantId'),
  congressId: id,
  congressName: z.string(),
  role: enumOf(roleLabels, '角色'),
  deputyId: id.nullable().describe('人大代表角色：其代表 id'),
  unitId: id.nullable().describe('承办单位角色：其单位 id'),
  unitSystemId: id.nullable().describe('政府办公厅等：其系统 id'),
  committeeId: id.nullable().describe('专门委员会角色：其委员会 id'),
  deputyGroupId: id.nullable().describe('代表小组组长：其代表小组 id'),
  scopeName: z.string().nullable().describe('代表团、承办单位、专门委员会或系统的名称'),
});
export type Grant = z.input<typeof grantBody>;

export const sessionBody = z
  .object({
    user: z.object({ id, username: z.string(), displayName: z.string() }),
    grants: z.array(grantBody).describe('此用户的全部角色'),
    activeGrantId: id.nullable().describe('当前角色（grants[].id）；系统管理员为 null'),
    isSystemAdmin: z.boolean().describe('系统管理员：不属于任何人大，只管理人大机构和联工委账号'),
    mustChangePassword: z
      .boolean()
      .describe('密码由管理员设置：须先修改密码，其他接口答复 403 password_change_required'),
    csrfToken: z.string().describe('写请求（POST、PUT）须放在 x-csrf-token 请求头中'),
  })
  .meta({ id: 'Session', description: '当前用户、其角色与当前角色，以及写请求所需的 CSRF 令牌' });
export type Session = z.input<typeof sessionBody>;

export const noSessionBody = z.object({ user: z.null().describe('未登录') });

/** GET /api/auth/me: the session, or `{user: null}` for a visitor. */
export const sessionProbe = z.union([sessionBody, noSessionBody]);
export type SessionProbe = z.input<typeof sessionProbe>;
