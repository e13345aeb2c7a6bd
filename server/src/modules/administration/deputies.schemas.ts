import { z } from 'zod';
import { calendarDay, enumOf } from '../../platform/api-schemas.js';
import { id, isoDate, nameField, textField } from './admin.schemas.js';
import { deputyGenderLabels, deputyStatusLabels } from './administration.labels.js';

const username = z
  .string({ error: '请填写登录账号' })
  .trim()
  .min(3, '登录账号至少3个字符')
  .max(40, '登录账号不超过40个字符')
  .regex(/^[A-Za-z0-9_.-]+$/, '登录账号只能包含字母、数字、下划线、点和连字符');
export const usernameField = username;

export const initialPassword = z
  .string({ error: '请填写初始密码' })
  .min(1, '请填写初始密码')
  .max(128, '密码不超过128位');

/** A deputy's login: a new account, or the account the same person already has in another congress. */
const deputyAccount = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('new'),
      username,
      password: initialPassword.describe('初始密码；代表首次登录须修改'),
    }),
    z.object({
      kind: z.literal('existing'),
      username: username.describe('此人在其他人大担任代表时的账号；须填写与之相同的身份证号码'),
    }),
  ],
  { error: '请选择新建账号或关联已有账号' },
);

const deputyFields = {
  name: nameField('姓名', 30),
  namePinyin: z
    .string()
    .trim()
    .toLowerCase()
    .max(60, '拼音不超过60个字符')
    .regex(/^[a-z ]*$/, '拼音只能包含字母')
    .default('')
    .describe('姓名拼音，用于排序和按拼音查找；不填则用登录账号'),
  gender: z
    .enum(['', 'male', 'female'], { error: '性别应为男或女' })
    .default('')
    .describe('male 男、female 女，未填为空'),
  ethnicity: textField('民族', 20),
  delegationId: id.nullable().default(null),
  deputyGroupId: id.nullable().default(null),
  occupation: textField('职业（工作单位及职务）', 200),
  phone: z
    .string()
    .trim()
    .max(30, '电话不超过30个字符')
    .regex(/^[0-9+\- ]*$/, '电话只能包含数字、空格、加号和连字符')
    .default('')
    .describe('仅联工委可见'),
  idNumber: z.string().trim().toUpperCase().default('').describe('身份证号码，仅联工委可见；18位'),
};

export const newDeputyBody = z.object({
  termId: id.describe('所属的届'),
  ...deputyFields,
  account: deputyAccount,
});
export type NewDeputyInput = z.infer<typeof newDeputyBody>;

export const deputyUpdateBody = z.object(deputyFields);
export type DeputyUpdateInput = z.infer<typeof deputyUpdateBody>;

export const deputyLeaveBody = z.object({
  status: z.enum(['term_ended', 'resigned', 'removed'], { error: '请选择离任原因' }),
  on: isoDate.describe('离任日期'),
});

export const deputyQuery = z.object({
  termId: z.coerce.number().int().positive().optional(),
  status: z.enum(['serving', 'term_ended', 'resigned', 'removed']).optional(),
  delegationId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(30).default('').describe('姓名或拼音开头'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type DeputyQuery = z.infer<typeof deputyQuery>;

/** A deputy as the office sees them: with the private particulars. */
export const deputyRecord = z.object({
  id,
  termId: id,
  termOrdinal: z.number().int(),
  name: z.string(),
  namePinyin: z.string(),
  gender: z.enum(['', 'male', 'female']).describe(`性别：${Object.values(deputyGenderLabels).join('、')}`),
  ethnicity: z.string(),
  delegationId: id.nullable(),
  delegationName: z.string().nullable(),
  deputyGroupId: id.nullable(),
  deputyGroupName: z.string().nullable(),
  occupation: z.string(),
  phone: z.string(),
  idNumber: z.string(),
  status: enumOf(deputyStatusLabels, '状态'),
  statusOn: calendarDay.nullable().describe('离任日期'),
  userId: id.nullable(),
  username: z.string().nullable(),
  suggestionCount: z.number().int().describe('领衔提出的建议数（离任后保留）'),
});

export const deputyPage = z.object({ items: z.array(deputyRecord), total: z.number().int() });

export type DeputyRecord = z.input<typeof deputyRecord>;
export type DeputyPage = z.input<typeof deputyPage>;
export type NewDeputyBody = z.input<typeof newDeputyBody>;
