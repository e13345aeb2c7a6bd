import { z } from 'zod';
import { enumOf, timestamp } from '../../platform/api-schemas.js';
import { id, isoDate, nameField, retiredAt, textField } from './admin.schemas.js';
import { reformKindLabels, unitRetiredKindLabels } from './administration.labels.js';
import { unitStaffRoles } from './administration.policy.js';
import { initialPassword, usernameField } from './deputies.schemas.js';

export const systemBody = z.object({
  name: nameField('系统名称'),
  isGovernment: z.boolean().default(true).describe('政府系统（由政府办公厅协调）'),
});

export const systemRecord = z.object({ id, name: z.string(), isGovernment: z.boolean(), retiredAt });
export const systemList = z.object({ items: z.array(systemRecord) });

const reviewStep = z.enum(['unit_reviewer', 'unit_signer'], { error: '审核环节应为审核人或签发人' });

export const unitBody = z.object({
  unitSystemId: id.describe('所属系统'),
  name: nameField('单位名称', 60),
  shortName: nameField('单位简称', 20),
  docPrefix: textField('发文字号前缀', 20),
  duties: textField('职责', 4000).describe('单位职责，交办和检索时参考'),
  reviewChain: z
    .array(reviewStep)
    .default(['unit_signer'])
    .describe('答复的审核流程：依次为 unit_reviewer（审核人），最后为 unit_signer（签发人）'),
});
export type UnitInput = z.infer<typeof unitBody>;

export const unitRecord = z.object({
  id,
  unitSystemId: id,
  systemName: z.string(),
  name: z.string(),
  shortName: z.string(),
  docPrefix: z.string(),
  duties: z.string(),
  reviewChain: z.array(z.string()),
  retiredAt,
  retiredKind: enumOf(unitRetiredKindLabels, '撤销方式').nullable(),
  successorUnitId: id.nullable(),
  successorName: z.string().nullable(),
  staffCount: z.number().int(),
  openAssignments: z.number().int().describe('未办结的承办任务数'),
});
export const unitList = z.object({ items: z.array(unitRecord) });

export const reformBody = z.object({
  kind: z.enum(['merged', 'abolished'], { error: '请选择合并或撤销' }),
  successorUnitId: id.nullable().default(null).describe('承接单位；尚有未办结事项时必填'),
  effectiveOn: isoDate.describe('改革生效日期'),
  note: textField('说明', 1000),
});

export const reformRecord = z.object({
  id,
  unitId: id,
  unitName: z.string(),
  successorUnitId: id.nullable(),
  successorName: z.string().nullable(),
  kind: enumOf(reformKindLabels, '方式'),
  effectiveOn: z.string(),
  note: z.string(),
  assignmentsMoved: z.number().int(),
  promisesMoved: z.number().int(),
  createdAt: timestamp,
});
export const reformList = z.object({ items: z.array(reformRecord) });

export const staffBody = z.object({
  role: z.enum(unitStaffRoles, { error: '请选择经办人、审核人或签发人' }),
  username: usernameField,
  displayName: nameField('姓名', 30),
  phone: textField('电话', 30),
  password: initialPassword.optional().describe('初始密码；不填则由系统生成并显示一次。已有账号时不填'),
  existing: z.boolean().default(false).describe('为已有账号（如本单位的其他角色）授予此角色'),
});

export const staffRecord = z.object({
  grantId: id,
  userId: id,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(unitStaffRoles),
  isActive: z.boolean(),
});
export const staffList = z.object({ items: z.array(staffRecord) });
export const staffAnswer = staffRecord.extend({ generatedPassword: z.string().nullable() });

export const unitQuery = z.object({
  includeRetired: z.enum(['true', 'false']).default('true'),
});

export const settingsBody = z.object({
  governmentOfficeAdministersUnits: z.boolean({ error: '请选择是否授权' }),
});
export const settingsRecord = settingsBody;

export type SystemList = z.input<typeof systemList>;
export type UnitRecord = z.input<typeof unitRecord>;
export type UnitList = z.input<typeof unitList>;
export type StaffList = z.input<typeof staffList>;
export type StaffAnswer = z.input<typeof staffAnswer>;
export type ReformList = z.input<typeof reformList>;
export type AdministrationSettings = z.input<typeof settingsRecord>;
