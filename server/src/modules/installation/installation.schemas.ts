import { z } from 'zod';
import { enumOf } from '../../platform/api-schemas.js';
import { congressLevelLabels } from './installation.rules.js';

// The installation's administrator: the congress tree and each congress's first office
// accounts. Pure zod: the web app takes its types from here.

const id = z.number().int();
const name = (what: string, max: number) =>
  z.string().trim().min(1, `请填写${what}`).max(max, `${what}不能超过${max}个字`);

export const congressParam = z.object({ id: z.coerce.number().int().positive().describe('人大机构 id') });

export const createCongressBody = z.object({
  level: enumOf(congressLevelLabels, '层级'),
  parentId: id.positive().nullable().describe('上级人大 id；null：树的根'),
  name: name('名称', 60).describe('如「长沙县人民代表大会」'),
  shortName: name('简称', 20).describe('如「长沙县」'),
  adminCode: z.string().trim().describe('行政区划代码：县级及以上6位，乡镇9位或12位'),
  docPrefix: z.string().trim().max(10, '文号前缀不能超过10个字').default('').describe('文号前缀，如「长县人」；可留空'),
});

export const createOfficeAccountBody = z.object({
  username: z
    .string()
    .trim()
    .min(3, '用户名至少3个字符')
    .max(64, '用户名不能超过64个字符')
    .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能由字母、数字、下划线、点和连字符组成'),
  displayName: name('姓名', 40),
  password: z
    .string()
    .max(128)
    .optional()
    .describe('初始密码；不填则由系统生成并在答复中给出一次。无论哪种，账号首次登录后须修改密码'),
});

export const officeAccount = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  isActive: z.boolean(),
  mustChangePassword: z.boolean().describe('尚未修改管理员设置的初始密码'),
});

export const congressNode = z
  .object({
    id,
    parentId: id.nullable(),
    level: enumOf(congressLevelLabels, '层级'),
    name: z.string(),
    shortName: z.string(),
    adminCode: z.string().nullable().describe('行政区划代码'),
    docPrefix: z.string(),
    officeAccounts: z.array(officeAccount).describe('联工委账号'),
  })
  .meta({ id: 'CongressNode', description: '人大机构树上的一个节点（parentId 指向上级）' });

export const congressTree = z.object({
  items: z.array(congressNode).describe('全部人大机构，上级在前；按 parentId 组成树'),
});

export const createdOfficeAccount = officeAccount.extend({
  initialPassword: z.string().nullable().describe('系统生成的初始密码，只在此答复中出现一次；自行填写密码时为 null'),
});

export type CongressNode = z.input<typeof congressNode>;
export type CreateCongressBody = z.input<typeof createCongressBody>;
export type CreateOfficeAccountBody = z.input<typeof createOfficeAccountBody>;
export type CreatedOfficeAccount = z.input<typeof createdOfficeAccount>;
