import { z } from 'zod';
import { timestamp } from '../../platform/api-schemas.js';

// The pieces every administrative request and answer shares.

export const id = z.number().int().positive();
export const isoDate = z.iso.date('日期格式应为YYYY-MM-DD');

/** A name an office types: trimmed, 1 to `max` characters. */
export const nameField = (label: string, max = 60) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不超过${max}字`);

/** Free text, empty allowed. */
export const textField = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不超过${max}字`).default('');

export const idParam = z.object({
  id: z.coerce.number().int().positive('编号不正确').max(2_147_483_647, '编号不正确'),
});

export const retiredAt = timestamp.nullable().describe('停用（撤销）时间；null 为在用。被建议引用的记录只停用、不删除');

/** A delegation, deputy group, committee or system: a name in the congress's lists. */
export const namedEntry = z.object({
  id,
  name: z.string(),
  retiredAt,
});
export const namedBody = z.object({ name: nameField('名称') });
export const namedList = z.object({ items: z.array(namedEntry) });

export type NamedEntry = z.input<typeof namedEntry>;
export type NamedList = z.input<typeof namedList>;
