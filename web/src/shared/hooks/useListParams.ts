import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface ListParams {
  page: number;
  pageSize: number;
  filters: Record<string, string>;
}

/**
 * The page, page size, sort and filters of a server-paged list, kept in the URL so that
 * a list survives a reload, the back button and a shared link.
 */
export function useListParams(defaultPageSize = 20) {
  const [params, setParams] = useSearchParams();

  const value = useMemo<ListParams>(() => {
    const filters: Record<string, string> = {};
    params.forEach((v, k) => {
      if (k !== 'page' && k !== 'pageSize' && v !== '') filters[k] = v;
    });
    return {
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: Math.min(200, Math.max(1, Number(params.get('pageSize')) || defaultPageSize)),
      filters,
    };
  }, [params, defaultPageSize]);

  /** Change filters: back to page 1. */
  const setFilters = useCallback(
    (patch: Record<string, string | number | boolean | null | undefined>) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === null || v === '') next.delete(k);
          else next.set(k, String(v));
        }
        next.delete('page');
        return next;
      });
    },
    [setParams],
  );

  const setPage = useCallback(
    (page: number, pageSize?: number) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set('page', String(page));
        if (pageSize) next.set('pageSize', String(pageSize));
        return next;
      });
    },
    [setParams],
  );

  return { ...value, setFilters, setPage };
}
