import type { SuggestionRow } from '../../db/schema.js';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { Executor } from '../../platform/db.js';
import { mayFire, type SuggestionRelation } from './suggestion.policy.js';
import { abilitiesFrom } from '../../platform/workflow.js';
import { awaitedCoOpinions } from './assignment.deadlines.js';
import { assignmentWorkflow, partActorsOf } from './assignment.workflow.js';
import { replyActorsOf, replyWorkflow, type ReplyState } from './reply.workflow.js';
import { isValidChain, type AssignmentRole, type AssignmentState, type ChainRole } from './suggestion.workflow.js';

interface PartView {
  id: number;
  unitId: number;
  role: AssignmentRole;
  state: string;
  reassignmentWindowUntil: string;
  effectiveDue: string;
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
  let chain: ChainRole[] = [];
  if (openReply?.state === 'in_review' && own) {
    const unit = await db
      .selectFrom('handling_unit')
      .select('review_chain')
      .where('id', '=', own.unitId)
      .executeTakeFirst();
    if (unit && isValidChain(unit.review_chain)) chain = unit.review_chain;
  }
  // The unit's part and its open reply answer from their own tables.
  const part = abilitiesFrom(
    assignmentWorkflow,
    own ? (own.state as AssignmentState) : null,
    own ? partActorsOf(g, { unit_id: own.unitId, role: own.role }) : [],
  );
  const reply = abilitiesFrom(
    replyWorkflow,
    openReply ? (openReply.state as ReplyState) : null,
    openReply
      ? replyActorsOf(g.role, chain, { state: openReply.state as ReplyState, review_step: openReply.review_step })
      : [],
  );
  const latestWindow = (own ? [own] : live)
    .map((p) => p.reassignmentWindowUntil)
    .sort()
    .at(-1);
  const windowOpen = latestWindow !== undefined && today <= latestWindow;
  const hasPendingRequest = reassignments.some((r) => r.status === 'pending' && r.requested_by === viewer.userId);
  const ratableReplies = g.deputyId
    ? replies
        .filter((r) => r.state === 'sent' && live.some((p) => p.id === r.assignment_id && p.state === 'replied'))
        // Only each unit's latest letter, and only within its feedback window.
        .filter(
          (r) =>
            !replies.some(
              (later) => later.assignment_id === r.assignment_id && later.state === 'sent' && later.id > r.id,
            ),
        )
        .filter((r) => r.feedback_due === null || today <= r.feedback_due)
        .filter((r) => !ratings.some((x) => x.reply_id === r.id && x.deputy_id === g.deputyId))
        .map((r) => r.id)
    : [];
  const isCosignInvitee =
    g.deputyId !== null && rel.leadDeputyId !== g.deputyId && (s.status === 'draft' || s.status === 'returned');

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
      mayFire(viewer, 'requestReassignment', rel) &&
      windowOpen &&
      !hasPendingRequest &&
      (!own || part.requestReassignment),
    ruleReassignment: mayFire(viewer, 'ruleReassignment', rel) && reassignments.some((r) => r.status === 'pending'),
    acknowledge: part.acknowledge,
    recordContact: part.recordContact,
    sendOpinion: part.sendOpinion,
    requestExtension: part.requestExtension,
    // A new draft or a revision; not while the letter is in the review chain.
    draftReply: part.draftReply && (openReply === undefined || reply.revise),
    // A lead unit sends its reply once the co-units' opinions are in or their deadlines passed.
    submitReply: reply.submitForReview && (own?.role !== 'lead' || awaitedCoOpinions(live, today).length === 0),
    reviewReply: reply.approve || reply.sign,
    rate: mayFire(viewer, 'rate', rel) && ratableReplies.length > 0,
    ratableReplyIds: ratableReplies,
    ruleExtension: g.role === 'liaison_office' && hasPendingExtension,
    closeByOffice: mayFire(viewer, 'closeByOffice', rel),
    setDisclosure: mayFire(viewer, 'setDisclosure', rel),
  };
}
