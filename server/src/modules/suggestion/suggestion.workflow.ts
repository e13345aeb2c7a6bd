import type { RoleName } from '../../db/schema.js';
import { defineWorkflow, mayFire } from '../../platform/workflow.js';

// The life of a suggestion as the liaison office describes it (domain.md part A).
// No I/O here: states, the table of who may move a suggestion from where to where,
// and the small guards the commands ask before they write.

export const suggestionStatuses = [
  'draft', // 草稿：代表撰写中，联名代表确认中
  'submitted', // 待审核
  'returned', // 退回修改
  'declined', // 不予立案
  'registered', // 已立案，待交办
  'assigned', // 已交办，办理中
  'replied', // 已答复，待代表测评
  'rehandling', // 不满意，重新办理中
  'closed', // 已办结
] as const;
export type SuggestionStatus = (typeof suggestionStatuses)[number];

export type SuggestionAction =
  | 'editDraft'
  | 'submit'
  | 'register'
  | 'returnForRevision'
  | 'decline'
  | 'preAssign'
  | 'assign'
  | 'groupIntoClass'
  | 'requestReassignment'
  | 'ruleReassignment'
  | 'rate'
  | 'closeByOffice'
  | 'closeForNoFeedback'
  | 'setDisclosure';

/** The names under which a viewer acts on a suggestion: a role, narrowed by the relation where it matters. */
export type Actor = SuggestionRole | 'lead_deputy' | 'system';

/** The roles that act on suggestions; the later modules' roles (role-table.ts) do not. */
export type SuggestionRole = Extract<
  RoleName,
  | 'deputy'
  | 'liaison_office'
  | 'government_office'
  | 'unit_handler'
  | 'unit_reviewer'
  | 'unit_signer'
  | 'committee'
  | 'leader'
>;

const handlingStates = ['assigned', 'replied', 'rehandling'] as const;
const followsParts = ['assigned', 'replied', 'rehandling', 'closed'] as const;

export const suggestionWorkflow = defineWorkflow<SuggestionStatus, SuggestionAction, Actor>({
  record: 'suggestion',
  states: suggestionStatuses,
  actorRoles: {
    deputy: 'deputy',
    lead_deputy: 'deputy',
    liaison_office: 'liaison_office',
    government_office: 'government_office',
    unit_handler: 'unit_handler',
    unit_reviewer: 'unit_reviewer',
    unit_signer: 'unit_signer',
    committee: 'committee',
    leader: 'leader',
    system: 'system',
  },
  transitions: {
    editDraft: { from: ['draft', 'returned'], who: ['lead_deputy'] },
    submit: { from: ['draft', 'returned'], to: 'submitted', who: ['lead_deputy'] },
    register: { from: ['submitted'], to: 'registered', who: ['liaison_office'] },
    returnForRevision: { from: ['submitted'], to: 'returned', who: ['liaison_office'] },
    decline: { from: ['submitted'], to: 'declined', who: ['liaison_office'] },
    preAssign: { from: ['registered'], who: ['liaison_office', 'government_office'] },
    assign: { from: ['registered'], to: 'assigned', who: ['liaison_office', 'government_office'] },
    groupIntoClass: { from: ['registered', 'assigned'], who: ['liaison_office'] },
    requestReassignment: { from: ['assigned'], who: ['unit_handler', 'lead_deputy'] },
    // Accepting may leave a unit that already replied beside a new one: the status follows the parts.
    // A request made in the window is ruled on even if another unit has replied or re-handles meanwhile.
    ruleReassignment: { from: handlingStates, outcomes: followsParts, who: ['liaison_office'] },
    // A unit's reply is rated as soon as it is sent, while another unit may still be handling
    // or re-handling its own part (分别办理); the part's own state is checked by its table.
    rate: { from: handlingStates, outcomes: followsParts, who: ['deputy', 'lead_deputy'] },
    closeByOffice: { from: handlingStates, to: 'closed', who: ['liaison_office'] },
    closeForNoFeedback: { from: handlingStates, outcomes: followsParts, who: ['system'] },
    setDisclosure: { from: ['registered', ...handlingStates, 'closed'], who: ['liaison_office'] },
  },
});

/** The table as a plain record, for the docs and the pure test. */
export const suggestionTransitions = suggestionWorkflow.transitions;

export function canFire(action: SuggestionAction, status: SuggestionStatus, actors: readonly Actor[]): boolean {
  return mayFire(suggestionWorkflow, action, status, actors);
}

// ---- Assignment (one unit's part of a suggestion) ----

export const assignmentStates = [
  'pending_ack', // 待签收
  'handling', // 办理中
  'replied', // 已答复
  'rehandling', // 重新办理中
  'opinion_sent', // 会办意见已送主办单位
  'closed', // 办结
  'ended', // 调整后终止
] as const;
export type AssignmentState = (typeof assignmentStates)[number];

export type AssignmentRole = 'sole' | 'lead' | 'co' | 'separate';
export type HandlingMode = 'sole' | 'lead_co' | 'separate';

/** Units whose reply goes to the deputy: the sole unit, the lead unit, or each separate unit. */
export function answersDeputy(role: AssignmentRole): boolean {
  return role !== 'co';
}

export interface UnitPick {
  unitId: number;
  role: AssignmentRole;
}

/** The handling mode a set of picks implies (a pre-assignment names roles, not a mode). */
export function modeOfPicks(picks: readonly UnitPick[]): HandlingMode {
  if (picks.some((p) => p.role === 'lead' || p.role === 'co')) return 'lead_co';
  if (picks.some((p) => p.role === 'separate')) return 'separate';
  return 'sole';
}

/** The shape of an assignment: exactly one lead with co-units, one sole unit, or two or more separate units. */
export function checkAssignmentShape(mode: HandlingMode, picks: readonly UnitPick[]): string | null {
  const ids = new Set(picks.map((p) => p.unitId));
  if (ids.size !== picks.length) return '同一单位不能重复交办';
  const count = (role: AssignmentRole) => picks.filter((p) => p.role === role).length;
  switch (mode) {
    case 'sole':
      return picks.length === 1 && count('sole') === 1 ? null : '单独办理须且只能指定一个承办单位';
    case 'lead_co':
      if (count('lead') !== 1) return '主办会办须且只能指定一个主办单位';
      if (count('co') < 1) return '主办会办须至少指定一个会办单位';
      return count('lead') + count('co') === picks.length ? null : '主办会办只能包含主办和会办单位';
    case 'separate':
      return picks.length >= 2 && count('separate') === picks.length ? null : '分别办理须指定两个及以上承办单位';
  }
}

// ---- Ratings ----

export const ratingLevels = ['very_satisfied', 'satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type RatingLevel = (typeof ratingLevels)[number];

export function opensRehandling(rating: { attitude: RatingLevel; result: RatingLevel }): boolean {
  return rating.attitude === 'unsatisfied' || rating.result === 'unsatisfied';
}

/**
 * Where a unit's replied part goes once a deputy has rated its latest reply. Every confirmed
 * deputy of a joint suggestion may rate, in any order: an 不满意 from any of them sends the unit
 * back to re-handle; the part is done when every one of them rated without 不满意 (or, later,
 * when the feedback window ends); otherwise it waits for the others.
 */
export function partAfterRating(
  deputyIds: readonly number[],
  ratings: readonly { deputyId: number; attitude: RatingLevel; result: RatingLevel }[],
): 'rehandling' | 'closed' | 'replied' {
  if (ratings.some(opensRehandling)) return 'rehandling';
  return deputyIds.every((d) => ratings.some((r) => r.deputyId === d)) ? 'closed' : 'replied';
}

const satisfactionOrder: Record<RatingLevel, number> = {
  very_satisfied: 0,
  satisfied: 1,
  basically_satisfied: 2,
  unsatisfied: 3,
};

/**
 * The one rating a suggestion counts where the figures take one per suggestion: the lead
 * deputy's latest rating of each answering unit, and of those the least satisfied (a
 * separately handled suggestion is as satisfied as its worst-answered part). Attitude and
 * result are taken apart.
 */
export function countedRating(latestLeadRatingsPerUnit: readonly { attitude: RatingLevel; result: RatingLevel }[]) {
  if (latestLeadRatingsPerUnit.length === 0) return null;
  const worst = (key: 'attitude' | 'result') =>
    latestLeadRatingsPerUnit.map((r) => r[key]).reduce((a, b) => (satisfactionOrder[b] > satisfactionOrder[a] ? b : a));
  return { attitude: worst('attitude'), result: worst('result') };
}

// Reply classes are the congress's own table (handling-rules): no list of codes lives here.

// ---- Review chain of a reply inside the unit ----

export type ChainRole = 'unit_reviewer' | 'unit_signer';

/** The chain must end with a signer: a reply leaves the unit only signed. */
export function isValidChain(chain: readonly string[]): chain is ChainRole[] {
  return (
    chain.length >= 1 &&
    chain.every((r) => r === 'unit_reviewer' || r === 'unit_signer') &&
    chain.at(-1) === 'unit_signer'
  );
}

export function nextChainStep(chain: readonly ChainRole[], step: number): { sends: boolean; nextStep: number } {
  const isLast = step >= chain.length - 1;
  return { sends: isLast, nextStep: isLast ? step : step + 1 };
}

// ---- What the suggestion's status becomes when its units' parts change ----

export interface AnsweringPart {
  state: AssignmentState;
}

/** After a reply is sent or a rating given, the suggestion follows its answering units. */
export function statusFromParts(parts: readonly AnsweringPart[]): SuggestionStatus {
  if (parts.length === 0) return 'registered';
  if (parts.some((p) => p.state === 'rehandling')) return 'rehandling';
  if (parts.every((p) => p.state === 'closed')) return 'closed';
  if (parts.every((p) => p.state === 'replied' || p.state === 'closed')) return 'replied';
  return 'assigned';
}

/**
 * During the session, until its closing time for submissions, a suggestion joins the
 * session's series (第N号); afterwards the between-sessions one (闭会第N号).
 */
export function submissionPeriod(
  session: { opens_on: string; submission_closes_at: Date | string },
  now: Date,
  today: string,
): 'in_session' | 'between_sessions' {
  return today >= session.opens_on && now <= new Date(session.submission_closes_at) ? 'in_session' : 'between_sessions';
}

/** Titles are written 《关于……的建议》. */
export function checkTitle(title: string): string | null {
  const t = title.trim();
  if (t.length < 6) return '标题过短';
  if (!/^(《)?关于.+的(建议|意见|批评)(》)?$/u.test(t)) return '标题应写作「关于……的建议」';
  return null;
}
