import type { ImportKind } from '../../db/schema.import.js';

// The sheets and columns of each kind of file: the template is written from this table, the
// reader finds columns by these headers, and the problems name them. A list (`choices`) is
// offered in Excel as a drop-down; `lookup` lists take their values from the congress.

export type Lookup = 'classCodes' | 'categories' | 'units' | 'delegations' | 'systems';

export interface ColumnSpec {
  key: string;
  header: string;
  required?: boolean;
  note: string;
  choices?: readonly string[];
  lookup?: Lookup;
  width?: number;
}

export interface SheetSpec {
  name: string;
  /** A sheet the file may leave out (its rows only add to the main sheet). */
  optional: boolean;
  note: string;
  columns: readonly ColumnSpec[];
}

export interface KindSpec {
  kind: ImportKind;
  label: string;
  sheets: readonly SheetSpec[];
}

const yesNo = ['是', '否'] as const;
const ratings = ['很满意', '满意', '基本满意', '不满意'] as const;

/** The four columns that name a suggestion on every sheet of a suggestions file. */
const suggestionKey: readonly ColumnSpec[] = [
  { key: 'term', header: '届次', required: true, note: '如 13 或 十三', width: 8 },
  { key: 'session', header: '会次', required: true, note: '第几次会议，如 3', width: 8 },
  {
    key: 'period',
    header: '期间',
    required: true,
    note: '大会期间或闭会期间',
    choices: ['大会期间', '闭会期间'],
    width: 12,
  },
  { key: 'number', header: '编号', required: true, note: '建议编号，如 12（第12号）', width: 8 },
];

export const kindSpecs: Record<ImportKind, KindSpec> = {
  deputies: {
    kind: 'deputies',
    label: '代表名单',
    sheets: [
      {
        name: '代表',
        optional: false,
        note: '每行一位代表。填写登录名的代表将创建账号，初始密码在上传时填写，首次登录须修改。',
        columns: [
          { key: 'name', header: '姓名', required: true, note: '代表姓名', width: 12 },
          { key: 'term', header: '届次', required: true, note: '如 13 或 十三；须已存在或列在「届次」表中', width: 8 },
          {
            key: 'delegation',
            header: '代表团',
            note: '须已存在或列在「代表团」表中',
            lookup: 'delegations',
            width: 16,
          },
          { key: 'group', header: '代表小组', note: '须已存在或列在「代表团」表中（类型为代表小组）', width: 16 },
          { key: 'occupation', header: '职业', note: '职业或职务', width: 24 },
          { key: 'gender', header: '性别', note: '男或女', choices: ['男', '女'], width: 8 },
          { key: 'ethnicity', header: '民族', note: '如 汉族', width: 10 },
          { key: 'phone', header: '手机', note: '仅联工委可见', width: 14 },
          { key: 'idNumber', header: '身份证号', note: '仅联工委可见；同一届内不能重复', width: 20 },
          { key: 'username', header: '登录名', note: '字母、数字或下划线；不填则不创建账号', width: 14 },
        ],
      },
      {
        name: '代表团',
        optional: true,
        note: '需要新建的代表团和代表小组（已有的不必列出）。',
        columns: [
          {
            key: 'type',
            header: '类型',
            required: true,
            note: '代表团或代表小组',
            choices: ['代表团', '代表小组'],
            width: 12,
          },
          { key: 'name', header: '名称', required: true, note: '如 长沙代表团', width: 20 },
        ],
      },
      {
        name: '届次',
        optional: true,
        note: '需要新建的届（导入往届代表时使用；已有的不必列出）。',
        columns: [
          { key: 'term', header: '届次', required: true, note: '如 12', width: 8 },
          { key: 'startsOn', header: '开始日期', required: true, note: '如 2013-01-20', width: 14 },
          { key: 'endsOn', header: '结束日期', note: '如 2018-01-20', width: 14 },
        ],
      },
    ],
  },
  units: {
    kind: 'units',
    label: '承办单位及人员',
    sheets: [
      {
        name: '单位',
        optional: false,
        note: '每行一个承办单位。',
        columns: [
          { key: 'name', header: '单位名称', required: true, note: '全称，如 湖南省交通运输厅', width: 28 },
          { key: 'shortName', header: '简称', required: true, note: '如 省交通运输厅', width: 16 },
          {
            key: 'system',
            header: '所属系统',
            required: true,
            note: '须已存在或列在「系统」表中',
            lookup: 'systems',
            width: 14,
          },
          { key: 'docPrefix', header: '文号前缀', note: '答复函文号的前缀，如 湘交；不填用简称', width: 12 },
          {
            key: 'chain',
            header: '答复审核流程',
            note: '领导签发，或处长审核后领导签发（不填为后者）',
            choices: ['领导签发', '处长审核后领导签发'],
            width: 20,
          },
        ],
      },
      {
        name: '人员',
        optional: true,
        note: '各单位办理建议的人员，每行一个账号；初始密码在上传时填写，首次登录须修改。',
        columns: [
          { key: 'unit', header: '单位名称', required: true, note: '「单位」表中或系统中已有的单位', width: 28 },
          { key: 'name', header: '姓名', required: true, note: '', width: 12 },
          {
            key: 'role',
            header: '角色',
            required: true,
            note: '经办人、审核人或签发人',
            choices: ['经办人', '审核人', '签发人'],
            width: 10,
          },
          { key: 'username', header: '登录名', required: true, note: '字母、数字或下划线', width: 16 },
          { key: 'phone', header: '手机', note: '', width: 14 },
        ],
      },
      {
        name: '系统',
        optional: true,
        note: '需要新建的系统（如 政府系统、党群系统；已有的不必列出）。',
        columns: [
          { key: 'name', header: '名称', required: true, note: '如 政府系统', width: 16 },
          {
            key: 'isGovernment',
            header: '政府系统',
            note: '是或否：政府系统的单位由政府办公厅统筹',
            choices: yesNo,
            width: 10,
          },
        ],
      },
    ],
  },
  suggestions: {
    kind: 'suggestions',
    label: '往年建议及办理情况',
    sheets: [
      {
        name: '建议',
        optional: false,
        note: '每行一件建议。届次、会次、期间和编号一起确定一件建议，其他表用这四列指向它。',
        columns: [
          ...suggestionKey,
          { key: 'title', header: '标题', required: true, note: '《关于……的建议》', width: 36 },
          { key: 'lead', header: '领衔代表', required: true, note: '代表姓名，须已在代表名单中', width: 12 },
          { key: 'cosigners', header: '联名代表', note: '多位用顿号分隔', width: 20 },
          {
            key: 'delegation',
            header: '代表团',
            note: '不填用领衔代表的代表团；同名代表据此区分',
            lookup: 'delegations',
            width: 14,
          },
          {
            key: 'category',
            header: '类别',
            required: true,
            note: '本级人大的建议类别',
            lookup: 'categories',
            width: 12,
          },
          { key: 'submittedOn', header: '提出日期', required: true, note: '如 2020-01-15', width: 12 },
          { key: 'registeredOn', header: '立案日期', required: true, note: '', width: 12 },
          { key: 'assignedOn', header: '交办日期', note: '有承办单位时必填', width: 12 },
          { key: 'body', header: '内容', note: '建议正文，可不填', width: 30 },
        ],
      },
      {
        name: '承办',
        optional: true,
        note: '每行一个承办单位：单独办理一个单位；主办一个加协办若干；或分别办理两个以上。',
        columns: [
          ...suggestionKey,
          { key: 'unit', header: '承办单位', required: true, note: '须已在承办单位名单中', lookup: 'units', width: 28 },
          {
            key: 'role',
            header: '办理方式',
            required: true,
            note: '单独办理、主办、协办或分别办理',
            choices: ['单独办理', '主办', '协办', '分别办理'],
            width: 12,
          },
          { key: 'opinionOn', header: '会办意见日期', note: '协办单位送出会办意见的日期', width: 14 },
          {
            key: 'opinionOnTime',
            header: '会办意见按时',
            note: '是或否；不填按会办期限计算',
            choices: yesNo,
            width: 12,
          },
        ],
      },
      {
        name: '答复',
        optional: true,
        note: '每行一次答复及领衔代表对它的测评：首次答复轮次为0，每次重新办理后的答复轮次加1。',
        columns: [
          ...suggestionKey,
          {
            key: 'unit',
            header: '承办单位',
            required: true,
            note: '单独办理、主办或分别办理的单位',
            lookup: 'units',
            width: 28,
          },
          { key: 'round', header: '轮次', note: '0为首次答复，1为第一次重新办理后的答复；不填为0', width: 8 },
          { key: 'repliedOn', header: '答复日期', required: true, note: '', width: 12 },
          {
            key: 'classCode',
            header: '答复分类',
            required: true,
            note: '本级人大分类标注表中的代码',
            lookup: 'classCodes',
            width: 10,
          },
          { key: 'onTime', header: '按时答复', note: '是或否；不填按答复期限计算', choices: yesNo, width: 10 },
          { key: 'docNumber', header: '文号', note: '答复函文号', width: 22 },
          { key: 'attitude', header: '办理态度', note: '领衔代表的测评', choices: ratings, width: 10 },
          { key: 'result', header: '办理结果', note: '领衔代表的测评', choices: ratings, width: 10 },
          { key: 'ratedOn', header: '测评日期', note: '不填为答复日期', width: 12 },
          { key: 'ratingComment', header: '测评意见', note: '不满意时必填（代表的理由）', width: 24 },
          { key: 'doneText', header: '已办事项', note: '承诺事项（列入台账的分类）', width: 20 },
          { key: 'plannedText', header: '计划事项', note: '', width: 20 },
          { key: 'notDoneReason', header: '未办原因', note: '', width: 16 },
          { key: 'targetOn', header: '承诺完成日期', note: '不填按分类表计算', width: 14 },
          { key: 'fulfilled', header: '已销号', note: '是或否', choices: yesNo, width: 8 },
        ],
      },
      {
        name: '会议',
        optional: true,
        note: '需要新建的往届会议（已有的不必列出）；届尚未建立的一并建立。',
        columns: [
          { key: 'term', header: '届次', required: true, note: '如 13', width: 8 },
          { key: 'session', header: '会次', required: true, note: '如 3', width: 8 },
          { key: 'opensOn', header: '开幕日期', required: true, note: '', width: 12 },
          { key: 'closesOn', header: '闭幕日期', required: true, note: '', width: 12 },
        ],
      },
    ],
  },
};

export const importKinds = Object.keys(kindSpecs) as ImportKind[];
