import type { AssignmentRow } from '../../db/schema.js';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { Executor, Tx } from '../../platform/db.js';
import { forbidden, invalidState } from '../../platform/errors.js';
import { assignmentStateLabels } from '../../shared/labels.js';
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

export function ensureAssignmentState(a: AssignmentRow, allowed: readonly AssignmentState[], what: string): void {
  if (!allowed.includes(a.state as AssignmentState)) {
    throw invalidState(`本单位办理状态为「${assignmentStateLabels[a.state as AssignmentState] ?? a.state}」，不能${what}`);
  }
}

export async function setAssignmentState(tx: Tx, a: AssignmentRow, set: Partial<Omit<AssignmentRow, 'id' | 'version'>>): Promise<AssignmentRow> {
  return tx
    .updateTable('assignment')
    .set({ ...set, version: a.version + 1 })
    .where('id', '=', a.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function activeAssignments(db: Executor, suggestionId: number): Promise<AssignmentRow[]> {
  return db.selectFrom('assignment').selectAll().where('suggestion_id', '=', suggestionId).where('state', '!=', 'ended').orderBy('id').execute();
}

/** Where the suggestion stands once its answering units' parts have moved. */
export async function derivedStatus(db: Executor, suggestionId: number): Promise<SuggestionStatus> {
  const parts = (await activeAssignments(db, suggestionId)).filter((a) => answersDeputy(a.role));
  return statusFromParts(parts.map((p) => ({ state: p.state as AssignmentState })));
}
