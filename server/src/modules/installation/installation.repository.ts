import type { Executor } from '../../platform/db.js';

/** The whole congress tree, parents before children, each with its liaison-office accounts. */
export async function congressTree(db: Executor) {
  // A parent is created before its children, so the order of ids puts it first.
  const congresses = await db
    .selectFrom('congress as c')
    .select(['c.id', 'c.parent_id', 'c.level', 'c.name', 'c.short_name', 'c.admin_code', 'c.doc_prefix'])
    .orderBy('c.id')
    .execute();
  const accounts = await db
    .selectFrom('role_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .select(['g.congress_id', 'u.id', 'u.username', 'u.display_name', 'u.is_active', 'u.must_change_password'])
    .where('g.role', '=', 'liaison_office')
    .orderBy('u.id')
    .execute();
  return congresses.map((c) => ({
    id: c.id,
    parentId: c.parent_id,
    level: c.level,
    name: c.name,
    shortName: c.short_name,
    adminCode: c.admin_code,
    docPrefix: c.doc_prefix,
    officeAccounts: accounts
      .filter((a) => a.congress_id === c.id)
      .map((a) => ({
        id: a.id,
        username: a.username,
        displayName: a.display_name,
        isActive: a.is_active,
        mustChangePassword: a.must_change_password,
      })),
  }));
}
