import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../shared/api/client';
import type { Grant, Session, SessionProbe } from '../../../../server/src/platform/auth/auth.schemas';

/** The session as the server answers it (server: auth.schemas.ts). */
export type { Grant };
export type Me = Session;

export const meKey = ['auth', 'me'] as const;

function remember(me: Me): Me {
  setCsrfToken(me.csrfToken);
  return me;
}

/** The server's answer to the session probe: nobody logged in is `{user: null}`, not a 401. */
type MeAnswer = SessionProbe;

/** The logged-in user, or null when nobody is logged in. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      const answer = await api.get<MeAnswer>('/auth/me');
      if (answer.user === null) {
        setCsrfToken(null);
        return null;
      }
      return remember(answer);
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function activeGrantOf(me: Me): Grant | undefined {
  return me.grants.find((g) => g.id === me.activeGrantId) ?? me.grants[0];
}

/** Data belongs to one role in one congress: drop it all when the role changes. */
function resetWith(queryClient: ReturnType<typeof useQueryClient>, me: Me | null) {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' && q.queryKey[0] !== 'portal' });
  queryClient.setQueryData(meKey, me);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<Me>('/auth/login', body),
    meta: { silent: true },
    onSuccess: (me) => resetWith(queryClient, remember(me)),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      resetWith(queryClient, null);
    },
  });
}

export function useSwitchRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (grantId: number) => api.post<Me>('/auth/switch-role', { grantId }),
    onSuccess: (me) => resetWith(queryClient, remember(me)),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<void>('/auth/password', body),
    meta: { silent: true },
  });
}
