import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, errorText } from '../shared/api/client';
import { notifyError, notifySuccess } from '../shared/api/notify';

declare module '@tanstack/react-query' {
  interface Register {
    /** silent: the form shows the error itself, no toast. */
    mutationMeta: { silent?: boolean; success?: string };
  }
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        // A session that expired while the page was open: ask who is here again.
        if (error instanceof ApiError && error.status === 401)
          void client.invalidateQueries({ queryKey: ['auth', 'me'] });
      },
    }),
    mutationCache: new MutationCache({
      onSuccess: (_data, _vars, _ctx, mutation) => {
        if (mutation.meta?.success) notifySuccess(mutation.meta.success);
      },
      onError: (error, _vars, _ctx, mutation) => {
        if (error instanceof ApiError && error.status === 401)
          void client.invalidateQueries({ queryKey: ['auth', 'me'] });
        if (!mutation.meta?.silent) notifyError(errorText(error));
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}
