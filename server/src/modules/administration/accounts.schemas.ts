import { z } from 'zod';
import { roleNames, type RoleName } from '../../platform/auth/role-table.js';
import { id, nameField, textField } from './admin.schemas.js';
import { initialPassword, usernameField } from './deputies.schemas.js';

const role = z.enum(roleNames as [RoleName, ...RoleName[]], { error: '角色不正确' });

export const accountBody = z.object({
  username: usernameField,
  displayName: nameField('姓名', 30),
  phone: textField('电话', 30),
  password: initialPassword.optional().describe('初始密码；不填则由系统生成并显示一次。首次登录须修改'),
});

export const accountUpdateBody = z.object({ displayName: nameField('姓名', 30), phone: textField('电话', 30) });

const scopeId = id.nullable().default(null);
export const grantBody = z.object({
  role: role.describe('角色（platform/auth/role-table.ts）；每个角色须且只须指定其范围字段'),
  deputyId: scopeId,
  unitId: scopeId,
  unitSystemId: scopeId,
  committeeId: scopeId,
  deputyGroupId: scopeId,
});
export type GrantInput = z.infer<typeof grantBody>;

export const newAccountBody = accountBody.extend({ grant: grantBody.describe('首个角色') });

export const passwordResetBody = z.object({
  password: initialPassword.optional().describe('新密码；不填则由系统生成并显示一次。持有人下次登录须修改'),
});

const pathId = z.coerce.number().int().positive('编号不正确').max(2_147_483_647, '编号不正确');
export const grantParams = z.object({ id: pathId, grantId: pathId });

export const accountQuery = z.object({
  q: z.string().trim().max(40).default('').describe('账号或姓名'),
  role: role.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AccountQuery = z.infer<typeof accountQuery>;

export const grantRecord = z.object({
  id,
  role,
  deputyId: id.nullable(),
  unitId: id.nullable(),
  unitSystemId: id.nullable(),
  committeeId: id.nullable(),
  deputyGroupId: id.nullable(),
  scopeName: z.string().nullable().describe('范围的名称（单位、系统、委员会、代表小组或代表）'),
});

export const accountRecord = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  phone: z.string(),
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  grants: z.array(grantRecord).describe('在本级人大的角色'),
  hasGrantsElsewhere: z.boolean().describe('在其他人大也有角色：其密码和停用须由系统管理员办理'),
});
export const accountPage = z.object({ items: z.array(accountRecord), total: z.number().int() });
export const accountAnswer = accountRecord.extend({
  generatedPassword: z.string().nullable().describe('系统生成的密码（仅此一次显示）'),
});

export type AccountRecord = z.input<typeof accountRecord>;
export type AccountPage = z.input<typeof accountPage>;
export type AccountAnswer = z.input<typeof accountAnswer>;
