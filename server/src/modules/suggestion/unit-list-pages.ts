import { createHash } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { Executor } from '../../platform/db.js';

const unitRoles: ReadonlySet<string> = new Set(['unit_handler', 'unit_reviewer', 'unit_signer']);

/**
 * Pages kept as the encoded JSON that was sent, each with the change counter it was made
 * under, within a bound on memory in bytes; the least recently used go first.
 */
export class PageMemory {
  private readonly pages = new Map<string, { stamp: number; json: Buffer }>();
  private size = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string, stamp: number): Buffer | undefined {
    const kept = this.pages.get(key);
    if (kept?.stamp !== stamp) return undefined;
    this.pages.delete(key);
    this.pages.set(key, kept);
    return kept.json;
  }

  keep(key: string, stamp: number, json: Buffer): void {
    const kept = this.pages.get(key);
    // A slower request that read an older counter must not replace a newer page.
    if (kept && kept.stamp > stamp) return;
    if (json.length > this.maxBytes / 4) return;
    if (kept) this.forget(key, kept.json);
    this.pages.set(key, { stamp, json });
    this.size += json.length;
    for (const [oldest, page] of this.pages) {
      if (this.size <= this.maxBytes) break;
      this.forget(oldest, page.json);
    }
  }

  private forget(key: string, json: Buffer): void {
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

  /** `maxBytes` 0 keeps nothing. */
  constructor(maxBytes: number) {
    this.memory = maxBytes > 0 ? new PageMemory(maxBytes) : null;
  }

  /**
   * The page as JSON bytes, and for a unit's list an entity tag that changes whenever the
   * page may: a browser that sends it back in If-None-Match is told 304 instead.
   */
  async read(
    db: Executor,
    viewer: Viewer,
    queryKey: string,
    list: () => Promise<unknown>,
  ): Promise<{ json: Buffer; etag: string | null }> {
    const { unitId, role } = viewer.grant;
    if (!this.memory || unitId === null || !unitRoles.has(role))
      return { json: Buffer.from(JSON.stringify(await list())), etag: null };
    // Written out rather than built: this is the most frequent query of the system.
    const { rows } = await db.executeQuery<{ stamp: number }>(
      CompiledQuery.raw('select stamp from unit_list_stamp where unit_id = $1', [unitId]),
    );
    const current = rows[0];
    const key = `${unitId}|${role}|${queryKey}`;
    const etag = current
      ? `W/"${createHash('sha1').update(`${key}|${current.stamp}`).digest('base64url').slice(0, 20)}"`
      : null;
    const kept = current && this.memory.get(key, current.stamp);
    if (kept) return { json: kept, etag };
    const json = Buffer.from(JSON.stringify(await list()));
    if (current) this.memory.keep(key, current.stamp, json);
    return { json, etag };
  }
}
