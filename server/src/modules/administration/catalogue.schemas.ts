import { z } from 'zod';
import { enumOf } from '../../platform/api-schemas.js';
import { id, nameField, retiredAt, textField } from './admin.schemas.js';
import { dictionaryKindLabels } from './administration.labels.js';

export const categoryBody = z.object({
  name: nameField('分类名称', 30),
  parentCode: z.string().trim().min(1).max(40).nullable().default(null).describe('上级分类的代码；顶级分类为 null'),
  committeeId: id.nullable().default(null).describe('对口督办的专门委员会'),
});
export const newCategoryBody = categoryBody.extend({
  code: z
    .string({ error: '请填写分类代码' })
    .trim()
    .min(1, '请填写分类代码')
    .max(40, '分类代码不超过40个字符')
    .regex(/^[a-z0-9_]+$/, '分类代码只能包含小写字母、数字和下划线'),
});
export type CategoryInput = z.infer<typeof categoryBody>;

export const categoryParams = z.object({ code: z.string().trim().min(1).max(40) });

export const categoryRecord = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  committeeId: id.nullable(),
  committeeName: z.string().nullable(),
  retiredAt,
  suggestionCount: z.number().int(),
});
export const categoryList = z.object({ items: z.array(categoryRecord) });

const dictionaryKind = enumOf(dictionaryKindLabels, '词条类别');
export const dictionaryBody = z.object({
  kind: z.enum(['place', 'unit', 'other'], { error: '请选择词条类别' }),
  term: nameField('词条', 40),
  note: textField('说明', 200),
});
export type DictionaryInput = z.infer<typeof dictionaryBody>;

export const dictionaryRecord = z.object({ id, kind: dictionaryKind, term: z.string(), note: z.string() });
export const dictionaryList = z.object({ items: z.array(dictionaryRecord) });
export const dictionaryQuery = z.object({ kind: z.enum(['place', 'unit', 'other']).optional() });

export type CategoryRecord = z.input<typeof categoryRecord>;
export type CategoryList = z.input<typeof categoryList>;
export type DictionaryRecord = z.input<typeof dictionaryRecord>;
export type DictionaryList = z.input<typeof dictionaryList>;
