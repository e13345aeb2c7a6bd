import type { Executor } from '../../platform/db.js';

/** What the public may see: suggestions the office published and the deputy allowed to disclose. */
export function publicSuggestions(db: Executor) {
  return db
    .selectFrom('suggestion as s')
    .where('s.disclosure', '=', 'published')
    .where('s.may_disclose', '=', true)
    .where('s.status', 'not in', ['draft', 'submitted', 'returned', 'declined']);
}
