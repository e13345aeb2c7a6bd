import type { AssignmentRole, DocumentIssuerKind } from '../../db/schema.js';
import type { Grant } from '../../platform/auth/viewer.js';

// Who issues, sees and heads which official document, and the organs' names on them (no I/O).
// Who may read a reply letter is the suggestion's own rule (visibleTo, and seesReply of
// suggestion.privacy.ts): a letter never reaches someone who may not see the reply.

/** The congress's office that handles suggestions, as its documents are headed and copied. */
export const officeOrganName = (congressName: string): string =>
  `${congressName.replace('人民代表大会', '人大')}常委会选举任免联络工作委员会`;

/** The government's general office, copied on government units' letters. */
export const governmentOfficeName = (congressName: string): string =>
  `${congressName.replace('人民代表大会', '人民政府')}办公厅`;

/** 抄送: a unit's reply goes to the congress's office, and a government unit's to the government's office too. */
export const replyCopiesTo = (congressName: string, isGovernmentUnit: boolean): string[] =>
  isGovernmentUnit
    ? [officeOrganName(congressName), governmentOfficeName(congressName)]
    : [officeOrganName(congressName)];

/** An urging notice to a government unit is copied to the government's office, which supervises its system. */
export const urgingCopiesTo = (congressName: string, isGovernmentUnit: boolean): string[] =>
  isGovernmentUnit ? [governmentOfficeName(congressName)] : [];

/** The office issues urging notices (the congress's header); no one else. */
export const mayIssueUrgingNotice = (g: Pick<Grant, 'role'>): boolean => g.role === 'liaison_office';

/**
 * An urging notice is the office's letter to one unit: the office and the leaders read every
 * one of their congress, the unit its own, a government office those to the units of its system.
 */
export function seesUrgingNotice(
  g: Pick<Grant, 'role' | 'congressId' | 'unitId' | 'unitSystemId'>,
  n: { congress_id: number; unit_id: number; unit_system_id: number },
): boolean {
  if (g.congressId !== n.congress_id) return false;
  if (g.role === 'liaison_office' || g.role === 'leader') return true;
  if (g.role === 'government_office') return g.unitSystemId === n.unit_system_id;
  return g.unitId !== null && g.unitId === n.unit_id;
}

/** Whose letterhead a grant uploads: its unit's (any of the unit's staff) or its congress's (the office). */
export function letterheadOwnerOf(
  g: Pick<Grant, 'role' | 'congressId' | 'unitId'>,
): { kind: DocumentIssuerKind; id: number } | null {
  if (g.role === 'liaison_office') return { kind: 'congress', id: g.congressId };
  if ((g.role === 'unit_handler' || g.role === 'unit_reviewer' || g.role === 'unit_signer') && g.unitId !== null)
    return { kind: 'unit', id: g.unitId };
  return null;
}

/** What a unit was asked to do, and what is overdue, by its role on the suggestion. */
export const urgedAction = (role: AssignmentRole, rehandling: boolean): { task: string; action: string } => {
  if (role === 'co') return { task: '会办', action: '向主办单位提交会办意见' };
  const task = { sole: '办理', lead: '主办', separate: '分别办理' }[role];
  return { task, action: rehandling ? '重新办理并再次答复代表' : '答复代表' };
};
