import type { AssignmentRow } from '../../db/schema.js';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { Executor, Tx } from '../../platform/db.js';
import { forbidden, invalidState } from '../../platform/errors.js';
import { assignmentStateLabels } from '../../shared/labels.js';
import { nextState } from '../../platform/workflow.js';
import { assignmentWorkflow, mayFirePart, partActorsOf, type PartAction } from './assignment.workflow.js';
import { answersDeputy, statusFromParts, type AssignmentState, type SuggestionStatus } from './suggestion.workflow.js';

/** The viewer's unit's live part of a suggestion, locked; refuses viewers of other units. */
export async function lockOwnAssignment(tx: Tx, viewer: Viewer, suggestionId: number): Promise<AssignmentRow> {
  if (viewer.grant.unitId === null) throw forbidden('只有承办单位可以执行此操作');
  const row = await tx
    .selectFrom('assignment')
    .selectAll()
    .where('suggestion_id', '=', suggestionId)
    .where('unit_id', '=', viewer.grant.unitId)
    .where('state', '!=', 'ended')
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw forbidden('该建议未交由本单位办理');
  return row;
}

const partRefusals: Record<PartAction, { what: string; wrongPart?: string; wrongRole: string }> = {
  acknowledge: { what: '签收', wrongRole: '签收由承办单位经办人办理' },
  recordContact: { what: '登记沟通情况（请先签收）', wrongRole: '沟通情况由承办单位经办人登记' },
  sendOpinion: {
    what: '提交会办意见（请先签收）',
    wrongPart: '只有会办单位提交会办意见',
    wrongRole: '会办意见由会办单位经办人提交',
  },
  requestExtension: { what: '申请延期', wrongPart: '会办单位无需申请答复延期', wrongRole: '延期由承办单位经办人申请' },
  requestReassignment: { what: '申请调整（本单位已答复）', wrongRole: '调整由承办单位经办人申请' },
  draftReply: {
    what: '起草答复（请先签收）',
    wrongPart: '会办单位不直接答复代表，请向主办单位提交会办意见',
    wrongRole: '答复由承办单位经办人起草',
  },
  sendReply: { what: '签发答复', wrongRole: '答复由承办单位签发人签发' },
  rate: { what: '测评（该答复已测评或已进入重新办理）', wrongRole: '只有提出建议的代表可以测评' },
  closeForNoFeedback: { what: '办结', wrongRole: '由系统在反馈期限届满后办结' },
  end: { what: '终止', wrongRole: '只有联工委可以调整承办单位' },
  closeWithSuggestion: { what: '办结', wrongRole: '只有联工委可以办结' },
};

/**
 * Asks the part's workflow table whether the viewer may fire this action on their unit's
 * part, and answers where the part goes: 403 for the wrong person, 409 for the wrong state.
 */
export function ensurePartMay(viewer: Viewer, a: AssignmentRow, action: PartAction): AssignmentState {
  const actors = partActorsOf(viewer.grant, a);
  const t = assignmentWorkflow.transitions[action];
  const refusal = partRefusals[action];
  if (!t.who.some((w) => actors.includes(w)))
    throw forbidden(actors.length > 0 && refusal.wrongPart ? refusal.wrongPart : refusal.wrongRole);
  const state = a.state as AssignmentState;
  if (!mayFirePart(action, state, actors)) {
    throw invalidState(`本单位办理状态为「${assignmentStateLabels[state] ?? a.state}」，不能${refusal.what}`);
  }
  return nextState(assignmentWorkflow, action, state);
}

export async function setAssignmentState(
  tx: Tx,
  a: AssignmentRow,
  set: Partial<Omit<AssignmentRow, 'id' | 'version'>>,
): Promise<AssignmentRow> {
  return tx
    .updateTable('assignment')
    .set({ ...set, version: a.version + 1 })
    .where('id', '=', a.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function activeAssignments(db: Executor, suggestionId: number): Promise<AssignmentRow[]> {
  return db
    .selectFrom('assignment')
    .selectAll()
    .where('suggestion_id', '=', suggestionId)
    .where('state', '!=', 'ended')
    .orderBy('id')
    .execute();
}

/** Where the suggestion stands once its answering units' parts have moved. */
export async function derivedStatus(db: Executor, suggestionId: number): Promise<SuggestionStatus> {
  const parts = (await activeAssignments(db, suggestionId)).filter((a) => answersDeputy(a.role));
  return statusFromParts(parts.map((p) => ({ state: p.state as AssignmentState })));
}
