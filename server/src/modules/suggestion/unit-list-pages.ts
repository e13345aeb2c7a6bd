import type { Viewer } from '../../platform/auth/viewer.js';
import type { Executor } from '../../platform/db.js';

const unitRoles: ReadonlySet<string> = new Set(['unit_handler', 'unit_reviewer', 'unit_signer']);

/**
 * Pages kept as the JSON that was sent, each with the change counter it was made under,
 * within a bound on memory (in UTF-16 characters); the least recently used go first.
 */
export class PageMemory {
  private readonly pages = new Map<string, { stamp: number; json: string }>();
  private size = 0;

  constructor(private readonly maxChars: number) {}

  get(key: string, stamp: number): string | undefined {
    const kept = this.pages.get(key);
    if (kept?.stamp !== stamp) return undefined;
    this.pages.delete(key);
    this.pages.set(key, kept);
    return kept.json;
  }

  keep(key: string, stamp: number, json: string): void {
    const kept = this.pages.get(key);
    // A slower request that read an older counter must not replace a newer page.
    if (kept && kept.stamp > stamp) return;
    if (json.length > this.maxChars / 4) return;
    if (kept) this.forget(key, kept.json);
    this.pages.set(key, { stamp, json });
    this.size += json.length;
    for (const [oldest, page] of this.pages) {
      if (this.size <= this.maxChars) break;
      this.forget(oldest, page.json);
    }
  }

  private forget(key: string, json: string): void {
    this.pages.delete(key);
    this.size -= json.length;
  }
}

/**
 * Handling units' suggestion lists, sent again while the unit's change counter is unchanged.
 * Units read their lists far more often than anything in them changes, and the counter
 * (`unit_list_stamp`, bumped by database triggers in the writing transaction) costs one
 * indexed read where the list costs a dozen joins.
 *
 * The counter is read before the list, so the list sees at least what the counter says and a
 * page is never kept under a newer counter than its data. The caller puts the day in the
 * key: days left and overdue depend on it. Other roles' lists are made afresh every time.
 */
export class UnitListPages {
  private readonly memory: PageMemory | null;

  /** `maxChars` 0 keeps nothing. */
  constructor(maxChars: number) {
    this.memory = maxChars > 0 ? new PageMemory(maxChars) : null;
  }

  async read(db: Executor, viewer: Viewer, queryKey: string, list: () => Promise<unknown>): Promise<string> {
    const { unitId, role } = viewer.grant;
    if (!this.memory || unitId === null || !unitRoles.has(role)) return JSON.stringify(await list());
    const current = await db.selectFrom('unit_list_stamp').select('stamp').where('unit_id', '=', unitId).executeTakeFirst();
    const key = `${unitId}|${role}|${queryKey}`;
    const kept = current && this.memory.get(key, current.stamp);
    if (kept) return kept;
    const json = JSON.stringify(await list());
    if (current) this.memory.keep(key, current.stamp, json);
    return json;
  }
}
