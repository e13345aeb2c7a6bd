// What each figure counts, as the provincial report counts it (docs/counting-rules.md).
// No I/O: every figure is a condition over one of three fact tables that figures.facts.ts
// builds for a cohort as of a day, so a figure and the list behind it are the same rows.
//
//   suggestion  one row per registered suggestion of the cohort (sf)
//   reply       one row per answering unit's latest sent reply (rf): class counts
//   assignment  one row per unit's part in force that day (af): lead and co-handling counts

export type FigureLevel = 'suggestion' | 'reply' | 'assignment';

interface FigureDefinition {
  level: FigureLevel;
  label: string;
  /** SQL over the level's fact columns; constant text, never user input. */
  where: string;
}

const counted = 'not continued and not rehandling and att_rank is not null and att_rank < 3 and res_rank < 3';
const attitude = (rank: number) => `${counted} and att_rank = ${rank}`;
const result = (rank: number) => `${counted} and res_rank = ${rank}`;

export const figureDefinitions = {
  received: { level: 'suggestion', label: '接收建议', where: 'not continued' },
  receivedInSession: { level: 'suggestion', label: '大会期间接收', where: "not continued and period = 'in_session'" },
  receivedBetweenSessions: {
    level: 'suggestion',
    label: '闭会期间接收',
    where: "not continued and period = 'between_sessions'",
  },
  continuedFromEarlier: { level: 'suggestion', label: '回头看续交办', where: 'continued' },
  replied: { level: 'suggestion', label: '已答复', where: 'not continued and replied' },
  repliedInSession: {
    level: 'suggestion',
    label: '大会期间建议已答复',
    where: "not continued and replied and period = 'in_session'",
  },
  repliedBetweenSessions: {
    level: 'suggestion',
    label: '闭会期间建议已答复',
    where: "not continued and replied and period = 'between_sessions'",
  },
  unsatisfiedGiven: { level: 'suggestion', label: '反馈不满意', where: 'not continued and unsatisfied_given' },
  repliedAgain: {
    level: 'suggestion',
    label: '不满意件已再次答复',
    where: 'not continued and unsatisfied_given and not rehandling',
  },
  stillRehandling: { level: 'suggestion', label: '仍在重新办理', where: 'not continued and rehandling' },
  feedback: { level: 'suggestion', label: '反馈满意度测评', where: counted },
  attitudeVerySatisfied: { level: 'suggestion', label: '办理态度很满意', where: attitude(0) },
  attitudeSatisfied: { level: 'suggestion', label: '办理态度满意', where: attitude(1) },
  attitudeBasicallySatisfied: { level: 'suggestion', label: '办理态度基本满意', where: attitude(2) },
  attitudeGood: { level: 'suggestion', label: '办理态度很满意和满意', where: `${counted} and att_rank <= 1` },
  resultVerySatisfied: { level: 'suggestion', label: '办理结果很满意', where: result(0) },
  resultSatisfied: { level: 'suggestion', label: '办理结果满意', where: result(1) },
  resultBasicallySatisfied: { level: 'suggestion', label: '办理结果基本满意', where: result(2) },
  resultGood: { level: 'suggestion', label: '办理结果很满意和满意', where: `${counted} and res_rank <= 1` },

  classified: { level: 'reply', label: '分类标注的答复', where: 'true' },
  classA: { level: 'reply', label: 'A类答复', where: "class_code like 'A%'" },
  classB: { level: 'reply', label: 'B类答复', where: "class_code like 'B%'" },
  classC: { level: 'reply', label: 'C类答复', where: "class_code like 'C%'" },
  classAB: { level: 'reply', label: 'A类和B类答复', where: "(class_code like 'A%' or class_code like 'B%')" },

  assignedLead: { level: 'assignment', label: '主办（含单独、分别办理）', where: "role <> 'co'" },
  assignedCo: { level: 'assignment', label: '会办', where: "role = 'co'" },
  partsReplied: { level: 'assignment', label: '主办件已答复', where: "role <> 'co' and has_reply" },
  partsRepliedOnTime: {
    level: 'assignment',
    label: '主办件按时答复',
    where: "role <> 'co' and has_reply and first_on_time",
  },
  coOpinionsSent: { level: 'assignment', label: '会办意见已提交', where: "role = 'co' and opinion_sent" },
  coOpinionsOnTime: {
    level: 'assignment',
    label: '会办意见按时提交',
    where: "role = 'co' and opinion_sent and opinion_on_time",
  },
} as const satisfies Record<string, FigureDefinition>;

/** The parts whose latest sent reply the reply level counts (rf): each answering unit's. */
export const answeringReply = "role <> 'co' and has_reply";

/**
 * The fact columns the definitions read, per fact table: counting groups the rows by these
 * first, so each figure is a sum over a few groups (a definition reading another column
 * fails every count, so a test catches it at once).
 */
export const countedColumns = {
  suggestion: ['period', 'continued', 'replied', 'rehandling', 'unsatisfied_given', 'att_rank', 'res_rank'],
  assignment: ['role', 'has_reply', 'class_code', 'first_on_time', 'opinion_sent', 'opinion_on_time'],
} as const;

export type FigureKey = keyof typeof figureDefinitions;
export const figureKeys = Object.keys(figureDefinitions) as FigureKey[];
export type FigureCounts = Record<FigureKey, number>;

/** A class code's own count, e.g. `class.A1`: the congress's class table is its own. */
export const classKeyPattern = /^class\.([A-Z][0-9A-Z]{0,7})$/;
export type DrillKey = FigureKey | `class.${string}`;

export function levelOf(key: DrillKey): FigureLevel {
  return key in figureDefinitions ? figureDefinitions[key as FigureKey].level : 'reply';
}

/** The per-unit table's columns (figures.units.ts): the figures a unit's parts carry. */
export const unitColumns = [
  'assignedLead',
  'assignedCo',
  'partsReplied',
  'partsRepliedOnTime',
  'coOpinionsSent',
  'coOpinionsOnTime',
  'feedback',
  'attitudeGood',
  'resultGood',
] as const satisfies readonly FigureKey[];
export type UnitColumn = (typeof unitColumns)[number];

/** Each share the report prints: part over whole, one decimal, rounded half up. */
export const shareDefinitions = {
  feedbackOfReplied: { part: 'feedback', whole: 'replied', label: '反馈率（占已答复）' },
  attitudeGood: { part: 'attitudeGood', whole: 'feedback', label: '办理态度很满意和满意' },
  attitudeBasicallySatisfied: { part: 'attitudeBasicallySatisfied', whole: 'feedback', label: '办理态度基本满意' },
  resultGood: { part: 'resultGood', whole: 'feedback', label: '办理结果很满意和满意' },
  resultBasicallySatisfied: { part: 'resultBasicallySatisfied', whole: 'feedback', label: '办理结果基本满意' },
  classA: { part: 'classA', whole: 'classified', label: 'A类' },
  classB: { part: 'classB', whole: 'classified', label: 'B类' },
  classC: { part: 'classC', whole: 'classified', label: 'C类' },
  classAB: { part: 'classAB', whole: 'classified', label: '已解决、已有规定和计划解决（A类和B类）' },
  repliedOnTime: { part: 'partsRepliedOnTime', whole: 'partsReplied', label: '主办件按时答复率' },
  coOpinionsOnTime: { part: 'coOpinionsOnTime', whole: 'coOpinionsSent', label: '会办意见按时提交率' },
} as const satisfies Record<string, { part: FigureKey; whole: FigureKey; label: string }>;

export type ShareKey = keyof typeof shareDefinitions;
export const shareKeys = Object.keys(shareDefinitions) as ShareKey[];

/**
 * The change from the year before in percentage points, as the report writes it
 * ("比去年86.8%提高2.9%"): the difference of the two printed shares, in tenths.
 */
export function changeInPoints(now: number | null, before: number | null): number | null {
  if (now === null || before === null) return null;
  return (Math.round(now * 10) - Math.round(before * 10)) / 10;
}
