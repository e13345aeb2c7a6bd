import { Navigate, useLocation } from 'react-router';
import { areaHome, areaOfRole, type RoleArea } from '../../shared/labels/roles';
import { Lazy, PageSpinner } from '../../shared/ui/Lazy';
import { QueryState } from '../../shared/ui/QueryState';
import { activeGrantOf, useMe } from './auth.api';
import { homeOf } from './home';
import { lazy, type ReactNode } from 'react';

// The frame (menu, role switcher) is for logged-in users only: the public portal never loads it.
const WorkspaceShell = lazy(() => import('./WorkspaceShell').then((m) => ({ default: m.WorkspaceShell })));

/** A workspace opens only for a logged-in user whose active role works there. */
export function RequireArea({ area, children }: { area: RoleArea; children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isLoading) return <PageSpinner />;
  if (me.error)
    return (
      <QueryState isLoading={false} error={me.error} onRetry={() => void me.refetch()}>
        {null}
      </QueryState>
    );
  if (!me.data)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.data.mustChangePassword || me.data.isSystemAdmin) return <Navigate to={homeOf(me.data) ?? '/login'} replace />;
  const grant = activeGrantOf(me.data);
  if (!grant) return <Navigate to="/login" replace />;
  const own = areaOfRole[grant.role];
  if (own !== area) return <Navigate to={areaHome[own]} replace />;
  return (
    <Lazy>
      <WorkspaceShell me={me.data} grant={grant} area={area}>
        <Lazy>{children}</Lazy>
      </WorkspaceShell>
    </Lazy>
  );
}

/** /app: the home of the active role, or the login page. */
export function HomeRedirect() {
  const me = useMe();
  if (me.isLoading) return <PageSpinner />;
  return <Navigate to={(me.data && homeOf(me.data)) ?? '/login'} replace />;
}
