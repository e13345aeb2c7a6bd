import { defineWorkflow, mayFire } from '../../platform/workflow.js';
import { answersDeputy, assignmentStates, type AssignmentRole, type AssignmentState } from './suggestion.workflow.js';

// One unit's part of a suggestion (承办单位的办理): 签收, 三定, contacts, the co-handling
// opinion, extension and reassignment requests, the reply, the deputies' ratings, re-handling.
// Who may act is the unit's own staff, narrowed by the part's role: the unit that answers the
// deputy (sole, lead or separate) or a co-handling unit (会办).

export type PartAction =
  | 'acknowledge'
  | 'recordContact'
  | 'sendOpinion'
  | 'requestExtension'
  | 'requestReassignment'
  | 'draftReply'
  | 'sendReply'
  | 'rate'
  | 'closeForNoFeedback'
  | 'end'
  | 'closeWithSuggestion';

export type PartActor =
  | 'own_unit_handler'
  | 'answering_unit_handler'
  | 'co_unit_handler'
  | 'answering_unit_signer'
  | 'deputy'
  | 'liaison_office'
  | 'system';

const live = ['pending_ack', 'handling', 'replied', 'rehandling', 'opinion_sent'] as const;

export const assignmentWorkflow = defineWorkflow<AssignmentState, PartAction, PartActor>({
  record: 'assignment',
  states: assignmentStates,
  actorRoles: {
    own_unit_handler: 'unit_handler',
    answering_unit_handler: 'unit_handler',
    co_unit_handler: 'unit_handler',
    answering_unit_signer: 'unit_signer',
    deputy: 'deputy',
    liaison_office: 'liaison_office',
    system: 'system',
  },
  transitions: {
    acknowledge: { from: ['pending_ack'], to: 'handling', who: ['own_unit_handler'] },
    recordContact: { from: ['handling', 'replied', 'rehandling', 'opinion_sent', 'closed'], who: ['own_unit_handler'] },
    sendOpinion: { from: ['handling'], to: 'opinion_sent', who: ['co_unit_handler'] },
    requestExtension: { from: ['pending_ack', 'handling'], who: ['answering_unit_handler'] },
    requestReassignment: { from: ['pending_ack', 'handling'], who: ['own_unit_handler'] },
    draftReply: { from: ['handling', 'rehandling'], who: ['answering_unit_handler'] },
    sendReply: { from: ['handling', 'rehandling'], to: 'replied', who: ['answering_unit_signer'] },
    // Every confirmed deputy rates the latest reply: any 不满意 re-handles, all satisfied closes.
    rate: { from: ['replied'], outcomes: ['replied', 'rehandling', 'closed'], who: ['deputy'] },
    closeForNoFeedback: { from: ['replied'], to: 'closed', who: ['system'] },
    end: { from: live, to: 'ended', who: ['liaison_office'] },
    closeWithSuggestion: { from: live, to: 'closed', who: ['liaison_office', 'system'] },
  },
});

/** The names under which a unit's staff member acts on a part of their own unit. */
export function partActorsOf(
  grant: { role: string; unitId: number | null },
  part: { unit_id: number; role: AssignmentRole },
): PartActor[] {
  if (grant.unitId !== part.unit_id) return [];
  const answers = answersDeputy(part.role);
  if (grant.role === 'unit_handler')
    return ['own_unit_handler', answers ? 'answering_unit_handler' : 'co_unit_handler'];
  if (grant.role === 'unit_signer' && answers) return ['answering_unit_signer'];
  return [];
}

export function mayFirePart(action: PartAction, state: AssignmentState, actors: readonly PartActor[]): boolean {
  return mayFire(assignmentWorkflow, action, state, actors);
}
