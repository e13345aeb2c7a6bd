import { defineWorkflow, mayFire } from '../../platform/workflow.js';

// The promise ledger (台账) as the liaison office runs it (domain.md part A, step 10). No I/O.
// A promise stays open while the unit reports progress and the deputy says whether each
// report satisfies them; it is marked done (销号) by the office, on the deputy's acceptance or,
// when the deputy disagrees or does not answer within the feedback window, by the office's
// ruling with a reason. 回头看: the office may pick open promises for focused supervision.

export const promiseStatuses = ['open', 'fulfilled', 'superseded'] as const;
export type PromiseStatus = (typeof promiseStatuses)[number];

export type PromiseAction =
  'reportProgress' | 'assessProgress' | 'requestFulfilment' | 'answerFulfilment' | 'fulfil' | 'focus';

/** Who stands where to a promise: its unit's staff, the suggestion's deputies, the office. */
export type PromiseActor = 'own_unit_handler' | 'lead_deputy' | 'deputy' | 'liaison_office';

export const promiseWorkflow = defineWorkflow<PromiseStatus, PromiseAction, PromiseActor>({
  record: 'promise',
  states: promiseStatuses,
  actorRoles: {
    own_unit_handler: 'unit_handler',
    lead_deputy: 'deputy',
    deputy: 'deputy',
    liaison_office: 'liaison_office',
  },
  transitions: {
    reportProgress: { from: ['open'], who: ['own_unit_handler'] },
    assessProgress: { from: ['open'], who: ['lead_deputy', 'deputy'] },
    requestFulfilment: { from: ['open'], who: ['own_unit_handler'] },
    answerFulfilment: { from: ['open'], who: ['lead_deputy'] },
    fulfil: { from: ['open'], to: 'fulfilled', who: ['liaison_office'] },
    focus: { from: ['open'], who: ['liaison_office'] },
  },
});

export const promiseTransitions = promiseWorkflow.transitions;

export function mayFirePromise(action: PromiseAction, status: PromiseStatus, actors: readonly PromiseActor[]): boolean {
  return mayFire(promiseWorkflow, action, status, actors);
}

export type FulfilmentGround = 'deputy_accepted' | 'office_ruling';

/**
 * On what ground the office may mark a promise done today: the lead deputy accepted; or the
 * deputy disagreed, or was asked and let the feedback window pass — then only by the office's
 * ruling with a reason. Null: the deputy has not been asked, or may still answer.
 */
export function fulfilmentGround(
  p: { deputyVerdict: 'accepted' | 'disputed' | null; verdictDue: string | null },
  today: string,
): FulfilmentGround | null {
  if (p.deputyVerdict === 'accepted') return 'deputy_accepted';
  if (p.deputyVerdict === 'disputed') return 'office_ruling';
  if (p.verdictDue !== null && today > p.verdictDue) return 'office_ruling';
  return null;
}
