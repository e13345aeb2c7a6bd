import type { SuggestionListQuery, SuggestionSort } from '../suggestion/suggestion.types';

export type UnitView = 'inbox' | 'handling' | 'review';

/**
 * The unit's lists, each a server query on the state of its own part (partState) or on the
 * replies waiting at the viewer's step of the review chain (awaitingMyReview).
 */
export const unitViews: Record<
  UnitView,
  { title: string; fixed: SuggestionListQuery; sort: SuggestionSort; defaults: SuggestionListQuery }
> = {
  inbox: { title: '待签收', fixed: { partState: 'pending_ack' }, sort: '-updated', defaults: {} },
  handling: { title: '本单位建议', fixed: {}, sort: 'due', defaults: { partState: 'pending_ack,handling,rehandling' } },
  review: { title: '待审核签发', fixed: { awaitingMyReview: 'true' }, sort: 'due', defaults: {} },
};

/** The tabs of the handling list: the state of our own part. */
export const partTabs: { value: string; label: string }[] = [
  { value: 'pending_ack,handling,rehandling', label: '办理中' },
  { value: 'rehandling', label: '重新办理' },
  { value: 'replied,opinion_sent', label: '已答复' },
  { value: 'closed', label: '已办结' },
  { value: 'all', label: '全部' },
];
