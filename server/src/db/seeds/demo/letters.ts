import { formatChineseDate } from '../../../modules/deadline/chinese-date.js';
import type { RatingLevel } from '../../schema.js';
import type { Rng } from './random.js';
import { fieldOf, measuresOf } from './topics.js';

// The words of the handling record: reply letters, plans, contacts, opinions, comments.

const classOutlook: Record<string, string> = {
  A1: '您所提的问题已经得到解决，相关建议已被我们采纳并在工作中落实。',
  A2: '您所提的问题，我们已列入今年重点工作，力争年内基本解决。',
  A3: '您所提的问题，国家和我省已有相关政策规定，我们将加强政策宣传和执行督导。',
  B1: '您所提的建议已列入我们近期工作计划，将在三年内逐步推进解决。',
  B2: '您所提的建议已纳入我省中长期规划，我们将结合财力状况逐步推进。',
  C1: '受当前财力和客观条件限制，您所提的问题暂时难以解决，我们将留作工作参考，待条件成熟时统筹研究。',
  C2: '经认真研究，您所提的建议受现行法律法规和政策限制，目前无法实施，恳请您理解。',
};

export interface LetterInput {
  title: string;
  categoryCode: string;
  classCode: string;
  unitName: string;
  consulted: readonly string[];
  handlerName: string;
  handlerPhone: string;
  sentOn: string;
  round: number;
}

/**
 * A reply letter as units write them: 收悉, what was done, what comes next, thanks, the
 * unit and date, the contact. (The salutation is the deputy's name, shown with the letter.)
 */
export function replyLetter(rng: Rng, x: LetterInput): string {
  const [done, next] = measuresOf(rng, x.categoryCode, 2);
  const field = fieldOf(x.categoryCode);
  const consulted = x.consulted.length > 0 ? `我们商${x.consulted.join('、')}进行了认真研究。` : '';
  const again = x.round > 0 ? '根据您对我单位首次答复提出的意见，我们重新进行了研究，并与您当面沟通。' : '';
  return [
    `您提出的《${x.title.replace(/^《|》$/gu, '')}》收悉。经研究，现答复如下：`,
    `一、关于工作现状。${again}${consulted}近年来，我们认真贯彻落实省委、省政府决策部署，围绕${field}领域的突出问题，${done}，取得了阶段性成效。`,
    `二、关于下一步工作。${classOutlook[x.classCode] ?? ''}下一步，我们将${next}，并加强与您的沟通联系，及时通报工作进展。`,
    `衷心感谢您对${field}工作的关心和支持，欢迎继续提出宝贵意见。`,
    `${x.unitName}\n${formatChineseDate(x.sentOn)}`,
    `（联系人：${x.handlerName}，联系电话：${x.handlerPhone}）`,
  ].join('\n\n');
}

export function promiseTexts(rng: Rng, categoryCode: string): { done: string; planned: string; notDone: string } {
  const [a, b] = measuresOf(rng, categoryCode, 2);
  return {
    done: `已开展专题调研，${a}的前期工作已经启动。`,
    planned: `${b}，分年度制定实施方案并报送进展情况。`,
    notDone: rng.chance(0.3) ? '部分事项涉及中央事权，需争取国家部委支持。' : '',
  };
}

export function handlingPlan(rng: Rng, categoryCode: string): string {
  const [m] = measuresOf(rng, categoryCode, 1);
  return `由分管负责同志牵头，相关处室具体承办；先与代表电话沟通了解诉求，再开展实地调研，研究${m}的可行性，按期形成答复意见。`;
}

export const contactSummaries = {
  before: {
    phone: '电话联系代表，进一步了解建议提出的背景和具体诉求，商定办理思路。',
    visit: '登门拜访代表，听取代表对建议办理的意见。',
    message: '向代表发送办理方案征求意见，代表表示认可。',
  },
  during: {
    meeting: '邀请代表参加专题座谈会，通报办理进展，听取意见建议。',
    visit: '陪同代表实地调研，现场查看问题点位。',
    video: '通过视频会议向代表通报阶段性办理情况。',
  },
  after: {
    phone: '答复后电话回访代表，代表对办理情况表示满意。',
    visit: '登门送达答复函并当面解释有关政策，听取代表意见。',
    message: '通过短信向代表通报后续落实情况，代表表示认可。',
  },
} as const;

export function coOpinion(rng: Rng, unitName: string, categoryCode: string): string {
  const [m] = measuresOf(rng, categoryCode, 1);
  return `${unitName}会办意见：经认真研究，我单位同意主办单位的办理思路。在职责范围内，我们将${m}，并积极配合主办单位做好相关工作。`;
}

export const returnComments = [
  '建议内容不够具体，请补充问题发生的具体地点和涉及群众数量后重新提交。',
  '建议标题与内容不一致，请修改完善。',
  '建议所提措施过于笼统，请进一步明确具体诉求。',
];

export const declineReasons = [
  '该建议反映的是个人诉求，按照有关规定不作为代表建议处理，已转有关部门作为来信办理。',
  '该建议涉及正在审理的诉讼案件，不宜作为代表建议处理，已转有关部门依法处理。',
  '该建议内容属于具体个案申诉，按来信转交有关部门处理。',
];

export const extensionReasons = [
  '该建议涉及多个部门职责，需开展专项调研并征求相关市州意见，难以在原定期限内答复。',
  '建议所涉项目正在进行可行性论证，需待论证结果形成后答复代表。',
];

export const reassignmentReasons = [
  '该建议所提事项主要属于其他部门职责范围，建议调整承办单位。',
  '该建议涉及的项目审批权限已调整，建议改由相关部门主办。',
];

export const officeCloseReasons = [
  '代表已当面表示对办理情况满意，因身体原因未能在系统中测评，经核实予以办结。',
  '代表所提问题已在办理过程中解决，经与代表沟通同意办结。',
];

const satisfiedComments = [
  '办理认真，沟通及时，感谢！',
  '答复具体，措施实在，希望抓好落实。',
  '',
  '',
  '承办单位多次上门沟通，态度诚恳。',
  '问题已基本解决，群众反映良好。',
];
const unsatisfiedComments = [
  '答复内容空泛，未针对所提问题提出具体措施，请重新办理。',
  '承办单位未与本人沟通，答复与实际情况不符。',
  '所提项目已多次提出，答复仍无实质进展，希望认真研究解决。',
];

export function ratingComment(rng: Rng, result: RatingLevel, attitude: RatingLevel): string {
  if (result === 'unsatisfied' || attitude === 'unsatisfied') return rng.pick(unsatisfiedComments);
  return rng.pick(satisfiedComments);
}

export const progressReports = [
  '已完成项目前期调研，正在编制实施方案。',
  '相关资金已列入年度预算，项目已启动实施。',
  '已会同有关市州完成现场踏勘，工程进入招投标阶段。',
];

export const reviewReturnComments = ['请补充办理措施的时间安排。', '答复内容需进一步与会办单位意见衔接。'];
