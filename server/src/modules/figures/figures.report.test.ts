import { describe, expect, it } from 'vitest';
import { defaultHandlingRules } from '../handling-rules/handling-rules.workflow.js';
import { sharesOf } from './figures.count.js';
import type { LabelledFigures } from './figures.dashboard.js';
import { figureKeys, type FigureCounts } from './figures.definitions.js';
import { reportText } from './figures.report.js';

// The 2020 provincial report's own numbers (seed 002, 三(三)) give back its own sentences.

function figures(asOf: string, counts: Partial<FigureCounts>, classes: Record<string, number> = {}): LabelledFigures {
  const all = Object.fromEntries(figureKeys.map((k) => [k, counts[k] ?? 0])) as FigureCounts;
  return { counts: all, classes, units: 95, shares: sharesOf(all), cohortLabel: '省十三届人大三次会议', asOf };
}

const classes2020 = { A1: 596, A2: 143, A3: 277, B1: 112, B2: 149, C1: 126, C2: 39 };
const y2020 = figures(
  '2020-09-10',
  {
    receivedInSession: 1421,
    repliedInSession: 1421,
    receivedBetweenSessions: 44,
    repliedBetweenSessions: 27,
    replied: 1438,
    partsReplied: 1442,
    partsRepliedOnTime: 1442,
    coOpinionsSent: 300,
    coOpinionsOnTime: 300,
    unsatisfiedGiven: 48,
    repliedAgain: 44,
    stillRehandling: 4,
    feedback: 1037,
    attitudeVerySatisfied: 470,
    attitudeSatisfied: 509,
    attitudeBasicallySatisfied: 58,
    attitudeGood: 979,
    resultVerySatisfied: 412,
    resultSatisfied: 518,
    resultBasicallySatisfied: 107,
    resultGood: 930,
    classified: 1442,
    classA: 1016,
    classB: 261,
    classC: 165,
    classAB: 1277,
  },
  classes2020,
);
// 2019: 928 rated of 1357 replied (68.4 %); 94.8 % attitude satisfied; A+B 86.4 %. 2018: 441 of 1313 (33.6 %).
// 2019's result share of 86.8 % is no whole count of 928 (805 is 86.7 %, 806 86.9 %): it had another base.
const y2019 = figures('2019-09-10', {
  replied: 1357,
  feedback: 928,
  attitudeGood: 880,
  resultGood: 805,
  classified: 1000,
  classAB: 864,
});
const y2018 = figures('2018-09-10', { replied: 1313, feedback: 441 });

describe('the annual report in the words of 2020', () => {
  const text = reportText({
    year: 2020,
    congressShortName: '省',
    now: y2020,
    lastYear: y2019,
    yearBeforeLast: y2018,
    classes: defaultHandlingRules.replyClasses,
  });
  const paragraphs = text.sections.flatMap((s) => s.paragraphs);

  it('is titled as the 2020 report', () => {
    expect(text.title).toBe('关于2020年省人大代表建议督办工作情况的汇报');
  });

  it('writes receipt, feedback, satisfaction and classes as 2020 did, in its order', () => {
    expect(paragraphs).toEqual([
      '省十三届人大三次会议期间接收代表建议1421件，分别交由95家单位办理，截至9月10日，全部依法按时办理并答复代表，其中尚有4件因代表反馈不满意正在重新办理；闭会期间共接收代表建议44件，已答复27件。其他的还在法定时限办理中。',
      '一是办理进度。所有会办单位在法定时限内全部提交了会办意见；主办单位已答复1442件，其中在规定时限内答复1442件，占100.0%。',
      '二是代表反馈率明显提高。代表目前通过建议平台反馈满意度测评意见的1037件，占已答复建议总数72.1%，反馈率逐年提高（前年代表仅对441件建议反馈意见，占33.6%；去年代表对928件反馈满意度，占68.4%）。',
      '三是代表满意率。截至9月，对于代表今年反馈的48件不满意件，除了4件还在重新办理中，各承办单位对其他44件进行了再次办理、再次答复。' +
        '反馈满意度的1037件建议中，对办理态度很满意470件、满意509件，共占94.4%，与去年94.8%基本持平；基本满意58件，占5.6%。' +
        '对办理结果很满意412件、满意518件，共占89.7%，比去年86.7%提高3.0%；基本满意107件，占10.3%。',
      '四是建议所提问题的解决率和计划解决率有所提高。建议答复中A1类（所提问题已经解决或所提意见和建议已经采纳、部分采纳的）596件，A2类（所提问题在本年度内能够基本解决的）143件，A3类（所提问题已有规定的）277件，共占70.5%；' +
        'B1类（所提问题已经列入近期工作计划，自交办之日起三年内能够基本解决的）112件，B2类（所提问题已经列入工作规划的）149件，共占18.1%；' +
        'C1类（所提问题暂时难以解决，但是对加强和改进工作具有参考价值，拟在工作中研究参考的）126件，C2类（所提问题因法律和政策的规定或者目前条件不具备确实无法解决的）39件，共占11.4%。' +
        '也就是说，建议所提问题已经解决、已有规定和计划解决的共占建议总数的88.6%，比去年提高了2.2%。',
    ]);
  });

  it('says what the numbers show where 2020’s words would claim more', () => {
    const first = reportText({
      year: 2026,
      congressShortName: '市',
      now: figures('2026-03-01', {
        receivedInSession: 10,
        repliedInSession: 3,
        partsReplied: 3,
        partsRepliedOnTime: 2,
      }),
      lastYear: null,
      yearBeforeLast: null,
      classes: defaultHandlingRules.replyClasses,
    });
    const [receipt, progress, feedback, satisfaction] = first.sections.flatMap((s) => s.paragraphs);
    expect(receipt).toContain('截至3月1日，已答复3件；闭会期间共接收代表建议0件，已答复0件。');
    expect(progress).toBe(
      '一是办理进度。会办单位尚未提交会办意见；主办单位已答复3件，其中在规定时限内答复2件，占66.7%。',
    );
    expect(feedback).toBe('二是代表反馈率。代表目前通过建议平台反馈满意度测评意见的0件，占已答复建议总数0.0%。');
    expect(satisfaction).toContain('截至3月，代表今年未反馈不满意件。');
  });
});
