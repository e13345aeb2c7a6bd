import type { ChainRole } from './suggestion.workflow.js';
import { defineWorkflow, mayFire } from '../../platform/workflow.js';

// A reply letter inside its unit (答复的审核签发): the handler drafts and sends it up the
// unit's review chain; the reviewer at the current step approves or returns it; the signer
// at the last step signs, and only then does it leave the unit.

export const replyStates = ['draft', 'in_review', 'sent'] as const;
export type ReplyState = (typeof replyStates)[number];

export type ReplyAction = 'revise' | 'submitForReview' | 'approve' | 'sign' | 'return';

/** The handler who drafts; the reviewer whose step it is; the signer whose step (the last) it is. */
export type ReplyActor = 'drafting_handler' | 'current_reviewer' | 'current_signer';

export const replyWorkflow = defineWorkflow<ReplyState, ReplyAction, ReplyActor>({
  record: 'reply',
  states: replyStates,
  actorRoles: { drafting_handler: 'unit_handler', current_reviewer: 'unit_reviewer', current_signer: 'unit_signer' },
  transitions: {
    revise: { from: ['draft'], to: 'draft', who: ['drafting_handler'] },
    submitForReview: { from: ['draft'], to: 'in_review', who: ['drafting_handler'] },
    approve: { from: ['in_review'], to: 'in_review', who: ['current_reviewer'] },
    sign: { from: ['in_review'], to: 'sent', who: ['current_signer'] },
    return: { from: ['in_review'], to: 'draft', who: ['current_reviewer', 'current_signer'] },
  },
});

/**
 * Who the viewer is to an open reply of their own unit: its handler, or the holder of the
 * chain's current step (a reviewer, or the signer at the last step).
 */
export function replyActorsOf(
  role: string,
  chain: readonly ChainRole[],
  reply: { state: ReplyState; review_step: number },
): ReplyActor[] {
  if (role === 'unit_handler') return ['drafting_handler'];
  if (reply.state !== 'in_review' || chain[reply.review_step] !== role) return [];
  const isLast = reply.review_step >= chain.length - 1;
  return [isLast && role === 'unit_signer' ? 'current_signer' : 'current_reviewer'];
}

export function mayFireReply(action: ReplyAction, state: ReplyState, actors: readonly ReplyActor[]): boolean {
  return mayFire(replyWorkflow, action, state, actors);
}
