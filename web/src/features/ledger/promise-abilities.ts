import type { RoleName } from '../../shared/labels/roles';
import type { PromiseItem } from './ledger.api';

// What the viewer may do on one promise, read from the promise's data and the viewer's role
// with the rules of the server's ledger.workflow.ts (promiseWorkflow, fulfilmentGround). Only to
// decide which buttons to show: the server checks every write again.

export interface LedgerViewer {
  role: RoleName;
  /** For a deputy: whether they lead the promise's suggestion (null: not known). */
  isLeadDeputy: boolean | null;
}

export type FulfilmentGround = 'deputy_accepted' | 'office_ruling';

/** The server's fulfilmentGround: on what ground the office may mark the promise done today. */
export function fulfilmentGround(p: PromiseItem, today: string): FulfilmentGround | null {
  if (p.deputyVerdict === 'accepted') return 'deputy_accepted';
  if (p.deputyVerdict === 'disputed') return 'office_ruling';
  if (p.verdictDue !== null && today > p.verdictDue) return 'office_ruling';
  return null;
}

/** The unit asked for 销号 and the lead deputy has not answered yet. */
export const awaitsVerdict = (p: PromiseItem): boolean =>
  p.status === 'open' && p.fulfilmentRequestedAt !== null && p.deputyVerdict === null;

export interface PromiseAbilities {
  reportProgress: boolean;
  /** 申请销号: not asked yet, or asked again after the deputy disagreed. */
  requestFulfilment: boolean;
  /** The deputies say 满意/不满意 on each report not yet assessed. */
  assessProgress: boolean;
  /** 同意销号/不同意销号: the lead deputy, once the unit asked. */
  answerFulfilment: boolean;
  /** 销号 by the office, and on which ground (a ruling needs its reason). */
  fulfil: FulfilmentGround | null;
  /** 回头看: pick for focused supervision. */
  focus: boolean;
}

export function promiseAbilities(p: PromiseItem, viewer: LedgerViewer, today: string): PromiseAbilities {
  const open = p.status === 'open';
  const handler = open && viewer.role === 'unit_handler';
  const deputy = open && viewer.role === 'deputy';
  const office = open && viewer.role === 'liaison_office';
  return {
    reportProgress: handler,
    requestFulfilment: handler && (p.fulfilmentRequestedAt === null || p.deputyVerdict === 'disputed'),
    assessProgress: deputy,
    answerFulfilment: deputy && viewer.isLeadDeputy !== false && awaitsVerdict(p),
    fulfil: office ? fulfilmentGround(p, today) : null,
    focus: office && !p.focused,
  };
}
