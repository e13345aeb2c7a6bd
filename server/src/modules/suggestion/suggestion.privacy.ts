import type { Viewer } from '../../platform/auth/viewer.js';

// What of one suggestion a viewer who may open it may see (no I/O). Which suggestions a
// viewer may open at all is `visibleTo` in suggestion.policy.ts; this file says which parts
// of an opened one are shown to whom. The presenter asks it for every part; the rules are
// tested cell by cell in suggestion.privacy.test.ts.

/** The audit actions that name the deputies' rating, or follow from it. */
const ratingAction = 'suggestion.rated';
const causedByRating = new Set(['suggestion.rehandling_opened', 'suggestion.closed']);
const replyActionPrefix = 'suggestion.reply_';
const replySent = 'suggestion.reply_sent';

export interface DetailPrivacy {
  /** A reply is seen outside its unit only once it is signed and sent. */
  seesReply(r: { state: string; unit_id: number }): boolean;
  /** Deputies see their own ratings only; the office, leaders, units and supervisors see every rating. */
  seesRating(r: { deputy_id: number }): boolean;
  /** Back to back: units and supervisors see a rating's outcome, never who gave it. */
  seesRaterNames: boolean;
  /** 预交办, 会办意见 and the units' handling plans are the office's and the units' business. */
  seesPreAssignments: boolean;
  seesOpinions: boolean;
  seesHandlingPlans: boolean;
  /** Deputies see no extension request; a unit sees its own only. */
  seesExtensionRequest(e: { unit_id: number }): boolean;
  /** The office, the leaders and the government office see every reassignment request; others their own. */
  seesReassignmentRequest(r: { requested_by: number }): boolean;
  /** Timeline: who rated stays hidden, and deputies see of a reply only that it was sent. */
  seesEvent(e: { action: string }): boolean;
  /** The name shown beside a timeline entry. */
  eventActorName(e: { action: string; actor_role: string | null; display_name: string | null }): string | null;
}

export function detailPrivacyOf(viewer: Pick<Viewer, 'userId' | 'grant'>): DetailPrivacy {
  const g = viewer.grant;
  const isDeputy = g.role === 'deputy';
  const isOffice = g.role === 'liaison_office' || g.role === 'leader';
  const isUnit = g.unitId !== null;
  const seesRaterNames = isOffice || isDeputy;
  return {
    seesReply: (r) => r.state === 'sent' || r.unit_id === g.unitId,
    seesRating: (r) =>
      isOffice || isUnit || g.role === 'government_office' || g.role === 'committee' || r.deputy_id === g.deputyId,
    seesRaterNames,
    seesPreAssignments: !isDeputy,
    seesOpinions: !isDeputy,
    seesHandlingPlans: !isDeputy,
    seesExtensionRequest: (e) => !isDeputy && (!isUnit || e.unit_id === g.unitId),
    seesReassignmentRequest: (r) => isOffice || g.role === 'government_office' || r.requested_by === viewer.userId,
    seesEvent: (e) =>
      (seesRaterNames || e.action !== ratingAction) &&
      (!isDeputy || !e.action.startsWith(replyActionPrefix) || e.action === replySent),
    eventActorName: (e) => {
      if (e.actor_role === 'system') return '系统';
      // Re-handling and closing follow from a rating: naming their actor would say who rated.
      if (!seesRaterNames && causedByRating.has(e.action)) return '代表';
      return e.display_name;
    },
  };
}
