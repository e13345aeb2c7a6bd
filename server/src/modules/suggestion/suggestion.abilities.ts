import type { SuggestionRow } from '../../db/schema.js';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { Executor } from '../../platform/db.js';
import { mayFire, type SuggestionRelation } from './suggestion.policy.js';
import { answersDeputy, isValidChain, type AssignmentRole } from './suggestion.workflow.js';

interface PartView {
  id: number;
  unitId: number;
  role: AssignmentRole;
  state: string;
  reassignmentWindowUntil: string;
}

interface ReplyView {
  id: number;
  assignment_id: number;
  unit_id: number;
  state: string;
  review_step: number;
  feedback_due: string | null;
}

/**
 * What the viewer may do next on this suggestion. The web app shows buttons from this
 * and never re-derives the rules; the commands check the same rules again when called.
 */
export async function abilitiesOf(
  db: Executor,
  viewer: Viewer,
  s: SuggestionRow,
  rel: SuggestionRelation,
  parts: readonly PartView[],
  replies: readonly ReplyView[],
  ratings: readonly { reply_id: number; deputy_id: number }[],
  reassignments: readonly { status: string; requested_by: number }[],
  hasPendingExtension: boolean,
  today: string,
) {
  const g = viewer.grant;
  const live = parts.filter((p) => p.state !== 'ended');
  const own = g.unitId ? live.find((p) => p.unitId === g.unitId) : undefined;
  const openReply = own ? replies.find((r) => r.assignment_id === own.id && r.state !== 'sent') : undefined;
  let chainRole: string | undefined;
  if (openReply?.state === 'in_review' && own) {
    const unit = await db.selectFrom('handling_unit').select('review_chain').where('id', '=', own.unitId).executeTakeFirst();
    if (unit && isValidChain(unit.review_chain)) chainRole = unit.review_chain[openReply.review_step];
  }
  const latestWindow = (own ? [own] : live).map((p) => p.reassignmentWindowUntil).sort().at(-1);
  const windowOpen = latestWindow !== undefined && today <= latestWindow;
  const hasPendingRequest = reassignments.some((r) => r.status === 'pending' && r.requested_by === viewer.userId);
  const ratableReplies = g.deputyId
    ? replies
        .filter((r) => r.state === 'sent' && live.some((p) => p.id === r.assignment_id && p.state === 'replied'))
        // Only each unit's latest letter, and only within its feedback window.
        .filter((r) => !replies.some((later) => later.assignment_id === r.assignment_id && later.state === 'sent' && later.id > r.id))
        .filter((r) => r.feedback_due === null || today <= r.feedback_due)
        .filter((r) => !ratings.some((x) => x.reply_id === r.id && x.deputy_id === g.deputyId))
        .map((r) => r.id)
    : [];
  const isCosignInvitee = g.deputyId !== null && rel.leadDeputyId !== g.deputyId && (s.status === 'draft' || s.status === 'returned');

  return {
    editDraft: mayFire(viewer, 'editDraft', rel),
    submit: mayFire(viewer, 'submit', rel),
    respondToCosign: isCosignInvitee,
    register: mayFire(viewer, 'register', rel),
    returnForRevision: mayFire(viewer, 'returnForRevision', rel),
    decline: mayFire(viewer, 'decline', rel),
    preAssign: mayFire(viewer, 'preAssign', rel),
    assign: mayFire(viewer, 'assign', rel),
    groupIntoClass: mayFire(viewer, 'groupIntoClass', rel),
    requestReassignment:
      mayFire(viewer, 'requestReassignment', rel) && windowOpen && !hasPendingRequest && (!own || own.state === 'pending_ack' || own.state === 'handling'),
    ruleReassignment: mayFire(viewer, 'ruleReassignment', rel) && reassignments.some((r) => r.status === 'pending'),
    acknowledge: own?.state === 'pending_ack' && g.role === 'unit_handler',
    recordContact: own !== undefined && own.state !== 'pending_ack' && g.role === 'unit_handler',
    sendOpinion: own?.role === 'co' && own.state === 'handling' && g.role === 'unit_handler',
    requestExtension: own !== undefined && answersDeputy(own.role) && (own.state === 'pending_ack' || own.state === 'handling') && g.role === 'unit_handler',
    draftReply:
      own !== undefined && answersDeputy(own.role) && (own.state === 'handling' || own.state === 'rehandling') && g.role === 'unit_handler' && openReply?.state !== 'in_review',
    submitReply: openReply?.state === 'draft' && g.role === 'unit_handler',
    reviewReply: chainRole !== undefined && chainRole === g.role,
    rate: mayFire(viewer, 'rate', rel) && ratableReplies.length > 0,
    ratableReplyIds: ratableReplies,
    ruleExtension: g.role === 'liaison_office' && hasPendingExtension,
    closeByOffice: mayFire(viewer, 'closeByOffice', rel),
    setDisclosure: mayFire(viewer, 'setDisclosure', rel),
  };
}
