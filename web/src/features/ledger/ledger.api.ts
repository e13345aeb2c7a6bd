import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { notifySuccess } from '../../shared/api/notify';
import type { PromiseItem, PromisePage } from '../../../../server/src/modules/ledger/ledger.schemas';

// The promise ledger (台账) as GET /api/promises presents it; the types are the server's
// response schemas (ledger.schemas.ts).
export type { PromiseItem, PromisePage, PromiseProgress } from '../../../../server/src/modules/ledger/ledger.schemas';

export type PromiseStatus = PromiseItem['status'];
/** What the viewer may do on a promise, as the server's ledger workflow says (buttons only; the server checks again). */
export type PromiseAbilities = PromiseItem['abilities'];

export interface LedgerQuery {
  page: number;
  pageSize: number;
  status?: PromiseStatus;
  unitId?: number;
  sessionId?: number;
  /** 回头看: the promises of every session before this one. */
  beforeSessionId?: number;
  /** The year the suggestion was assigned. */
  year?: number;
  focused?: 'true' | 'false';
}

export function usePromises(query: LedgerQuery) {
  return useQuery({
    queryKey: ['promises', query],
    queryFn: () => api.get<PromisePage>('/promises', { ...query }),
    placeholderData: keepPreviousData,
  });
}

/**
 * A write on a promise: the ledger is fetched again afterwards (the answer itself is not used,
 * so a change in its shape cannot leave the page showing half of it).
 */
function usePromiseAction<V>(call: (v: V) => { path: string; body: object; done: string }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => {
      const { path, body } = call(v);
      return api.post(path, body);
    },
    onSuccess: (_data, v) => notifySuccess(call(v).done),
    onSettled: () => qc.invalidateQueries({ queryKey: ['promises'] }),
  });
}

export const useAssessProgress = () =>
  usePromiseAction((v: { id: number; progressId: number; satisfied: boolean; comment: string }) => ({
    path: `/promises/${v.id}/progress/${v.progressId}/assessment`,
    body: { satisfied: v.satisfied, comment: v.comment },
    done: v.satisfied ? '已评价：对这次进展满意' : '已评价：对这次进展不满意，承办单位将收到您的意见',
  }));

export const useRequestFulfilment = () =>
  usePromiseAction((v: { id: number; note: string }) => ({
    path: `/promises/${v.id}/fulfilment-request`,
    body: { note: v.note },
    done: '已申请销号，等待领衔代表确认',
  }));

export const useAnswerFulfilment = () =>
  usePromiseAction((v: { id: number; accept: boolean; comment: string }) => ({
    path: `/promises/${v.id}/fulfilment-answer`,
    body: { accept: v.accept, comment: v.comment },
    done: v.accept ? '您已同意销号，由联工委销号' : '您已表示不同意销号，承办单位和联工委将收到您的理由',
  }));

export const useFocusPromise = () =>
  usePromiseAction((v: { id: number; note: string }) => ({
    path: `/promises/${v.id}/focus`,
    body: { note: v.note },
    done: '已列为重点督办，承办单位将收到通知',
  }));

export const useReportProgress = () =>
  usePromiseAction((v: { id: number; progress: string }) => ({
    path: `/promises/${v.id}/progress`,
    body: { progress: v.progress },
    done: '进展已报告，代表将收到通知',
  }));

/** 销号 by the office: on the deputy's acceptance, or by its ruling with a reason. */
export const useFulfilPromise = () =>
  usePromiseAction((v: { id: number; note: string }) => ({
    path: `/promises/${v.id}/fulfil`,
    body: { note: v.note },
    done: '已销号',
  }));
