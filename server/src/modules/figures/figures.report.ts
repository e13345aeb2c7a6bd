import { percentOneDecimal } from '../../shared/percent.js';
import { formatChineseMonthDay } from '../deadline/chinese-date.js';
import type { LabelledFigures } from './figures.dashboard.js';
import { changeInPoints } from './figures.definitions.js';

// The statistical part of the annual supervision report (督办工作情况的汇报), in the words and
// the order of the 2020 provincial report (seed 002, 一 and 三(三)), from the figures. No I/O.
// Where that report's words would claim what the numbers do not show ("全部依法按时办理",
// "逐年提高"), the sentence says what they show instead.

export interface ReportInput {
  year: number;
  /** 省, 市: the congress's short name (省人大代表建议). */
  congressShortName: string;
  now: LabelledFigures;
  /** The year before and the one before that, at the same point; null where the data has none. */
  lastYear: LabelledFigures | null;
  yearBeforeLast: LabelledFigures | null;
  /** The congress's class table, in its order. */
  classes: readonly { code: string; meaning: string }[];
}

export interface ReportText {
  title: string;
  sections: { heading: string; paragraphs: string[] }[];
}

const pct = (n: number | null) => `${(n ?? 0).toFixed(1)}%`;
const points = (d: number) => `${Math.abs(d).toFixed(1)}%`;

/** 与去年94.8%基本持平 / 比去年86.8%提高2.9% (the report writes points with %). */
function comparedWithLastYear(now: number | null, before: number | null): string {
  const d = changeInPoints(now, before);
  if (d === null) return '';
  if (Math.abs(d) < 1) return `与去年${pct(before)}基本持平`;
  return `比去年${pct(before)}${d > 0 ? '提高' : '下降'}${points(d)}`;
}

function receiptParagraph(r: ReportInput): string {
  const c = r.now.counts;
  const day = formatChineseMonthDay(r.now.asOf);
  const allReplied = c.receivedInSession > 0 && c.repliedInSession === c.receivedInSession;
  const allOnTime = allReplied && c.partsRepliedOnTime === c.partsReplied;
  const handled = allOnTime
    ? '全部依法按时办理并答复代表'
    : allReplied
      ? '全部答复代表'
      : `已答复${c.repliedInSession}件`;
  const rehandling = c.stillRehandling > 0 ? `，其中尚有${c.stillRehandling}件因代表反馈不满意正在重新办理` : '';
  const between =
    `闭会期间共接收代表建议${c.receivedBetweenSessions}件，已答复${c.repliedBetweenSessions}件` +
    (c.repliedBetweenSessions < c.receivedBetweenSessions ? '。其他的还在法定时限办理中。' : '。');
  return `${r.now.cohortLabel}期间接收代表建议${c.receivedInSession}件，分别交由${r.now.units}家单位办理，截至${day}，${handled}${rehandling}；${between}`;
}

function progressParagraph(r: ReportInput): string {
  const c = r.now.counts;
  const s = r.now.shares;
  const co =
    c.coOpinionsSent === 0
      ? '会办单位尚未提交会办意见'
      : c.coOpinionsOnTime === c.coOpinionsSent
        ? '所有会办单位在法定时限内全部提交了会办意见'
        : `会办单位在法定时限内提交会办意见${c.coOpinionsOnTime}件，占已提交会办意见的${pct(s.coOpinionsOnTime)}`;
  return `一是办理进度。${co}；主办单位已答复${c.partsReplied}件，其中在规定时限内答复${c.partsRepliedOnTime}件，占${pct(s.repliedOnTime)}。`;
}

function feedbackParagraph(r: ReportInput): string {
  const c = r.now.counts;
  const now = r.now.shares.feedbackOfReplied;
  const last = r.lastYear?.shares.feedbackOfReplied ?? null;
  const before = r.yearBeforeLast?.shares.feedbackOfReplied ?? null;
  const d = changeInPoints(now, last);
  const heading =
    d === null ? '' : Math.abs(d) < 1 ? '基本持平' : d >= 3 ? '明显提高' : d > 0 ? '有所提高' : '有所下降';
  const rising = d !== null && d >= 1 && (before === null || (last !== null && last > before));
  const history = [
    r.yearBeforeLast &&
      `前年代表${last !== null && before !== null && before < last ? '仅' : ''}对${r.yearBeforeLast.counts.feedback}件建议反馈意见，占${pct(r.yearBeforeLast.shares.feedbackOfReplied)}`,
    r.lastYear && `去年代表对${r.lastYear.counts.feedback}件反馈满意度，占${pct(last)}`,
  ].filter(Boolean);
  const trend = rising && before !== null ? '，反馈率逐年提高' : '';
  const years = history.length > 0 ? `（${history.join('；')}）` : '';
  return `二是代表反馈率${heading}。代表目前通过建议平台反馈满意度测评意见的${c.feedback}件，占已答复建议总数${pct(now)}${trend}${years}。`;
}

function satisfactionParagraph(r: ReportInput): string {
  const c = r.now.counts;
  const s = r.now.shares;
  const month = `${Number(r.now.asOf.slice(5, 7))}月`;
  const unsatisfied =
    c.unsatisfiedGiven === 0
      ? `截至${month}，代表今年未反馈不满意件。`
      : c.stillRehandling === 0
        ? `截至${month}，对于代表今年反馈的${c.unsatisfiedGiven}件不满意件，各承办单位全部进行了再次办理、再次答复。`
        : `截至${month}，对于代表今年反馈的${c.unsatisfiedGiven}件不满意件，除了${c.stillRehandling}件还在重新办理中，各承办单位对其他${c.repliedAgain}件进行了再次办理、再次答复。`;
  const withLast = (now: number | null, before: number | null) => {
    const words = comparedWithLastYear(now, before);
    return words === '' ? '' : `，${words}`;
  };
  const ly = r.lastYear?.shares ?? null;
  const attitude = `对办理态度很满意${c.attitudeVerySatisfied}件、满意${c.attitudeSatisfied}件，共占${pct(s.attitudeGood)}${withLast(s.attitudeGood, ly?.attitudeGood ?? null)}；基本满意${c.attitudeBasicallySatisfied}件，占${pct(s.attitudeBasicallySatisfied)}。`;
  const result = `对办理结果很满意${c.resultVerySatisfied}件、满意${c.resultSatisfied}件，共占${pct(s.resultGood)}${withLast(s.resultGood, ly?.resultGood ?? null)}；基本满意${c.resultBasicallySatisfied}件，占${pct(s.resultBasicallySatisfied)}。`;
  return `三是代表满意率。${unsatisfied}反馈满意度的${c.feedback}件建议中，${attitude}${result}`;
}

function classParagraph(r: ReportInput): string {
  const total = r.now.counts.classified;
  const codes = [...r.classes.map((k) => k.code)];
  for (const code of Object.keys(r.now.classes)) if (!codes.includes(code)) codes.push(code);
  const meaning = new Map(r.classes.map((k) => [k.code, k.meaning]));
  const letters = [...new Set(codes.map((c) => c[0]!))];
  const groups = letters.map((letter) => {
    const own = codes.filter((c) => c[0] === letter);
    const n = own.reduce((sum, code) => sum + (r.now.classes[code] ?? 0), 0);
    const items = own.map((code) => {
      const m = meaning.get(code);
      return `${code}类${m ? `（${m}）` : ''}${r.now.classes[code] ?? 0}件`;
    });
    return `${items.join('，')}，${own.length > 1 ? '共' : ''}占${pct(percentOneDecimal(n, total))}`;
  });
  const d = changeInPoints(r.now.shares.classAB, r.lastYear?.shares.classAB ?? null);
  const heading = d === null ? '' : Math.abs(d) < 1 ? '与去年基本持平' : d > 0 ? '有所提高' : '有所下降';
  const change = d === null ? '' : d === 0 ? '，与去年持平' : `，比去年${d > 0 ? '提高' : '下降'}了${points(d)}`;
  return (
    `四是建议所提问题的解决率和计划解决率${heading}。建议答复中${groups.join('；')}。` +
    `也就是说，建议所提问题已经解决、已有规定和计划解决的共占建议总数的${pct(r.now.shares.classAB)}${change}。`
  );
}

export function reportText(r: ReportInput): ReportText {
  return {
    title: `关于${r.year}年${r.congressShortName}人大代表建议督办工作情况的汇报`,
    sections: [
      { heading: '一、代表建议接收和交办情况', paragraphs: [receiptParagraph(r)] },
      {
        heading: '二、推动解决问题，督办成效',
        paragraphs: [progressParagraph(r), feedbackParagraph(r), satisfactionParagraph(r), classParagraph(r)],
      },
    ],
  };
}
