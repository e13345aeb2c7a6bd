import type { RoleName } from '../../db/schema.js';

/** One role a user holds in one congress (a user may hold several). */
export interface Grant {
  id: number;
  congressId: number;
  role: RoleName;
  deputyId: number | null;
  unitId: number | null;
  unitSystemId: number | null;
  committeeId: number | null;
}

/** A grant as listed to its holder, with names to pick from. */
export interface GrantSummary extends Grant {
  congressName: string;
  scopeName: string | null;
}

/** Who is asking: the logged-in user acting in one role of one congress. */
export interface Viewer {
  userId: number;
  username: string;
  displayName: string;
  grant: Grant;
  csrfToken: string;
  sessionTokenHash: string;
}
