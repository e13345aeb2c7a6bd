// Stable lowercase values and their Chinese labels, in one place for the server and the web app.

export const statusLabels = {
  draft: '草稿',
  submitted: '待审核',
  returned: '退回修改',
  declined: '不予立案',
  registered: '已立案待交办',
  assigned: '办理中',
  replied: '已答复待测评',
  rehandling: '重新办理中',
  closed: '已办结',
} as const;

export const assignmentStateLabels = {
  pending_ack: '待签收',
  handling: '办理中',
  replied: '已答复',
  rehandling: '重新办理中',
  opinion_sent: '已提交会办意见',
  closed: '已办结',
  ended: '已调整',
} as const;

export const assignmentRoleLabels = { sole: '单独办理', lead: '主办', co: '会办', separate: '分别办理' } as const;
export const modeLabels = { sole: '单独办理', lead_co: '主办会办', separate: '分别办理' } as const;
export const ratingLabels = {
  very_satisfied: '很满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
} as const;
export const contactPhaseLabels = { before: '办前', during: '办中', after: '办后' } as const;
export const contactKindLabels = {
  visit: '走访',
  meeting: '座谈',
  phone: '电话',
  video: '视频',
  message: '信息',
} as const;
export const periodLabels = { in_session: '大会期间', between_sessions: '闭会期间' } as const;
export const closeKindLabels = {
  rated: '代表测评后办结',
  no_feedback: '未反馈办结',
  office: '联工委决定办结',
} as const;
export const requestStatusLabels = {
  pending: '待处理',
  accepted: '同意',
  rejected: '不同意',
  granted: '同意',
  refused: '不同意',
} as const;
export const replyStateLabels = { draft: '草稿', in_review: '审核中', sent: '已签发' } as const;
export const disclosureLabels = { undecided: '未决定', published: '已公开', withheld: '不公开' } as const;
export const cosignerStatusLabels = { invited: '待确认', confirmed: '已确认', declined: '已谢绝' } as const;
export const requesterKindLabels = { unit: '承办单位', deputy: '领衔代表' } as const;
/** Where a unit's part stands against its due date (deadline.workflow.ts: deadlineStanding). */
export const standingLabels = {
  done_on_time: '按时办理',
  done_late: '逾期办理',
  on_track: '正常',
  near: '临近期限',
  overdue: '已超期',
  // Past the reply date the policy gave (默认三个月) and past the latest lawful one (默认六个月);
  // the web names the congress's own periods (StandingTag).
  past_reply_due: '超过答复期限未答复',
  past_latest_due: '超过法定最长期限未答复',
} as const;
// Roles, their labels and scopes: platform/auth/role-table.ts.
export { roleLabels } from '../platform/auth/role-table.js';

const chineseDigits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 13 → 十三, 3 → 三: how 届 and 次 are written. */
export function chineseOrdinal(n: number): string {
  if (n < 10) return chineseDigits[n] ?? String(n);
  if (n < 20) return `十${n % 10 === 0 ? '' : chineseDigits[n % 10]}`;
  if (n < 100) return `${chineseDigits[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : chineseDigits[n % 10]}`;
  return String(n);
}

/** 省十三届人大三次会议 */
export function sessionLabel(congressShortName: string, termOrdinal: number, sessionOrdinal: number): string {
  return `${congressShortName}${chineseOrdinal(termOrdinal)}届人大${chineseOrdinal(sessionOrdinal)}次会议`;
}

/** 第12号, or 闭会第5号 for the between-sessions series. */
export function suggestionNumberLabel(period: keyof typeof periodLabels, number: number | null): string {
  if (number === null) return '未编号';
  return period === 'between_sessions' ? `闭会第${number}号` : `第${number}号`;
}
