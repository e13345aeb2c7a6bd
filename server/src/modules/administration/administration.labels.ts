// The administration's stable values and their Chinese labels, for the server and the web app.

export const deputyGenderLabels = { male: '男', female: '女' } as const;

export const deputyStatusLabels = {
  serving: '在任',
  term_ended: '任期届满',
  resigned: '辞职',
  removed: '终止代表资格',
} as const;

export const unitRetiredKindLabels = { retired: '已撤销', merged: '已合并', abolished: '已撤并' } as const;

export const reformKindLabels = { merged: '合并', abolished: '撤销' } as const;

export const dictionaryKindLabels = { place: '地名', unit: '单位名称', other: '其他' } as const;

export const namedKindLabels = {
  delegation: '代表团',
  deputy_group: '代表小组',
  committee: '专门委员会',
  unit_system: '系统',
} as const;
export type NamedKind = keyof typeof namedKindLabels;
