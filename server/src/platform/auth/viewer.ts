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
  /** A deputy group's leader: its group. Optional so that tests and seeds may leave it out. */
  deputyGroupId?: number | null;
}

/** A grant as listed to its holder, with names to pick from. */
export interface GrantSummary extends Grant {
  deputyGroupId: number | null;
  congressName: string;
  scopeName: string | null;
}

/** A signed-in person, whatever they act as. */
export interface Person {
  userId: number;
  username: string;
  displayName: string;
  csrfToken: string;
  sessionTokenHash: string;
  /** An administrator set the password: every route but changing it answers 403 until it is changed. */
  mustChangePassword: boolean;
}

/** The installation's administrator: no congress, no role; the congress tree and office accounts only. */
export type AdminViewer = Person;

/** Who is asking: the logged-in user acting in one role of one congress. */
export interface Viewer extends Person {
  grant: Grant;
}
