// The words of the import's values, for the server's schemas and the web page alike (no imports).

export const importKindLabels = {
  deputies: '代表名单',
  units: '承办单位及人员',
  suggestions: '往年建议及办理情况',
} as const;

export const importStateLabels = {
  reading: '正在读取文件',
  checking: '正在检查',
  checked: '检查完成',
  publishing: '正在导入',
  done: '导入完成',
  failed: '失败',
} as const;

/** What the counts of a dry run or an import name. */
export const importCountLabels = {
  deputies: '代表',
  accounts: '账号',
  terms: '届',
  delegations: '代表团',
  groups: '代表小组',
  systems: '系统',
  units: '承办单位',
  sessions: '会议',
  suggestions: '建议',
  assignments: '承办记录',
  replies: '答复',
  ratings: '测评',
  coOpinions: '会办意见',
  promises: '承诺事项',
} as const;
