import { defineWorkflow, mayFire } from '../../platform/workflow.js';
import { formatChineseDate } from '../deadline/chinese-date.js';

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

/** What the rules below read of a promise. */
export interface PromiseFacts {
  status: PromiseStatus;
  fulfilmentRequestedAt: Date | null;
  deputyVerdict: 'accepted' | 'disputed' | null;
  verdictDue: string | null;
  focused: boolean;
}

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

/** 申请销号: the unit has not asked yet, or asks again after the deputy disagreed. */
export const mayAskFulfilment = (p: PromiseFacts): boolean =>
  p.fulfilmentRequestedAt === null || p.deputyVerdict === 'disputed';

/** The unit asked for 销号 and the lead deputy has not answered: one answer per request. */
export const awaitsVerdict = (p: PromiseFacts): boolean => p.fulfilmentRequestedAt !== null && p.deputyVerdict === null;

/**
 * Beyond state and actor, what each action needs of the promise itself. The commands refuse
 * with `promiseGuardRefusal`; the abilities the list sends are the same table.
 */
export const promiseGuards: Record<PromiseAction, (p: PromiseFacts, today: string) => boolean> = {
  reportProgress: () => true,
  assessProgress: () => true,
  requestFulfilment: mayAskFulfilment,
  answerFulfilment: awaitsVerdict,
  fulfil: (p, today) => fulfilmentGround(p, today) !== null,
  focus: (p) => !p.focused,
};

/** Why an action the actor may fire in this state is refused by its guard. */
export function promiseGuardRefusal(action: PromiseAction, p: PromiseFacts): string {
  switch (action) {
    case 'requestFulfilment':
      return p.deputyVerdict === 'accepted' ? '代表已同意销号，请等待联工委销号' : '已申请销号，请等待代表确认';
    case 'answerFulfilment':
      return p.fulfilmentRequestedAt === null ? '承办单位尚未申请销号，暂无需确认' : '已就本次销号申请表态';
    case 'fulfil':
      return p.verdictDue
        ? `代表可在${formatChineseDate(p.verdictDue)}前确认是否同意销号，届满后方可由联工委裁定`
        : '销号须经代表确认：请承办单位先申请销号';
    case 'focus':
      return '该承诺事项已列为重点督办';
    default:
      return '当前不能进行此操作';
  }
}

export type PromiseAbilities = Omit<Record<PromiseAction, boolean>, 'fulfil'> & {
  /** 销号 by the office, and on which ground (a ruling needs its reason); null: not now. */
  fulfil: FulfilmentGround | null;
};

/** What the viewer may do on one promise: the table, then the guards. */
export function promiseAbilities(p: PromiseFacts, actors: readonly PromiseActor[], today: string): PromiseAbilities {
  const may = (action: PromiseAction) => mayFirePromise(action, p.status, actors) && promiseGuards[action](p, today);
  return {
    reportProgress: may('reportProgress'),
    assessProgress: may('assessProgress'),
    requestFulfilment: may('requestFulfilment'),
    answerFulfilment: may('answerFulfilment'),
    fulfil: may('fulfil') ? fulfilmentGround(p, today) : null,
    focus: may('focus'),
  };
}
