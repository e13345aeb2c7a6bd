import { areaHome, areaOfRole } from '../../shared/labels/roles';
import { activeGrantOf, type Me } from './auth.api';

/**
 * Where a signed-in person starts: the change-password page while an administrator's password
 * holds them back, the installation's administration for its administrator, else their role's area.
 */
export function homeOf(me: Me): string | null {
  if (me.mustChangePassword) return '/password';
  if (me.isSystemAdmin) return '/admin';
  const grant = activeGrantOf(me);
  return grant ? areaHome[areaOfRole[grant.role]] : null;
}
