import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { kindSpecs } from './import.sheets.js';

// A large suggestions file of made-up past years, for the 20,000-row test and bench/import.mjs:
// every suggestion answered by one unit (every tenth with a co-handling unit), replied and
// rated, one in twenty re-handled once. Written with exceljs's streaming writer.

export interface SampleNames {
  deputies: readonly string[];
  units: readonly string[];
  categories: readonly string[];
  /** The term of the sessions the file creates, one per year from `firstYear`. */
  term: number;
  firstSession: number;
  sessions: number;
  firstYear: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ratings = ['很满意', '满意', '基本满意'] as const;
const classes = ['A1', 'A2', 'A3', 'B1', 'B2', 'C1', 'C2'] as const;

/** The rows of each sheet for `suggestions` suggestions: their total is what the file is said to have. */
export function sampleRowCount(suggestions: number): number {
  const co = Math.floor((suggestions + 9) / 10);
  const rehandled = Math.floor((suggestions + 19) / 20);
  return suggestions + (suggestions + co) + (suggestions + rehandled);
}

export async function sampleSuggestionsFile(suggestions: number, names: SampleNames): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => stream.on('end', resolve));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
  const sheet = (name: string) => {
    const spec = kindSpecs.suggestions.sheets.find((s) => s.name === name)!;
    const ws = wb.addWorksheet(name);
    ws.addRow(spec.columns.map((c) => c.header)).commit();
    return (values: Record<string, string | number>) =>
      ws.addRow(spec.columns.map((c) => values[c.header] ?? null)).commit();
  };
  const meeting = sheet('会议');
  for (let s = 0; s < names.sessions; s++) {
    const year = names.firstYear + s;
    meeting({ 届次: names.term, 会次: names.firstSession + s, 开幕日期: `${year}-01-10`, 闭幕日期: `${year}-01-16` });
  }
  const perSession = Math.ceil(suggestions / names.sessions);
  const keyOf = (i: number) => ({
    届次: names.term,
    会次: names.firstSession + Math.floor(i / perSession),
    期间: '大会期间',
    编号: (i % perSession) + 1,
  });
  const yearOf = (i: number) => names.firstYear + Math.floor(i / perSession);
  const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;

  const main = sheet('建议');
  for (let i = 0; i < suggestions; i++) {
    const y = yearOf(i);
    main({
      ...keyOf(i),
      标题: `关于改进第${i + 1}项民生工作的建议`,
      领衔代表: pick(names.deputies, i),
      类别: pick(names.categories, i),
      提出日期: `${y}-01-12`,
      立案日期: `${y}-01-20`,
      交办日期: `${y}-02-${pad(10 + (i % 5))}`,
      内容: '建议加强统筹，完善政策措施，切实解决群众关心的问题。',
    });
  }
  const units = sheet('承办');
  for (let i = 0; i < suggestions; i++) {
    const withCo = i % 10 === 0;
    units({ ...keyOf(i), 承办单位: pick(names.units, i), 办理方式: withCo ? '主办' : '单独办理' });
    if (withCo)
      units({ ...keyOf(i), 承办单位: pick(names.units, i + 1), 办理方式: '协办', 会办意见日期: `${yearOf(i)}-03-20` });
  }
  const replies = sheet('答复');
  for (let i = 0; i < suggestions; i++) {
    const y = yearOf(i);
    const rehandled = i % 20 === 0;
    const base = { ...keyOf(i), 承办单位: pick(names.units, i), 答复分类: pick(classes, i) };
    if (rehandled)
      replies({
        ...base,
        轮次: 0,
        答复日期: `${y}-04-20`,
        办理态度: '不满意',
        办理结果: '不满意',
        测评意见: '问题未解决',
      });
    replies({
      ...base,
      轮次: rehandled ? 1 : 0,
      答复日期: `${y}-05-${pad(1 + (i % 28))}`,
      办理态度: pick(ratings, i),
      办理结果: pick(ratings, i + 1),
    });
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
