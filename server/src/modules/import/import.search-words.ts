import { sql } from 'kysely';
import type { Db } from '../../platform/db.js';
import { searchDocument } from '../../text/segment.js';

// After an import's publish, its suggestions get their search words a chunk at a time, each
// chunk one short transaction, pausing between chunks: cutting the words (jieba) and writing
// the full-text index are most of the work of a large publish, and inside its transaction
// they would hold PGlite's only connection for seconds. Until its chunk is done an imported
// suggestion is found by the filters, not yet by its words. Only rows still without words
// are taken, so a second run (another process, a restart) does no harm.

const CHUNK = 200;

export async function indexImportedSuggestions(db: Db, jobId: number): Promise<number> {
  let indexed = 0;
  for (;;) {
    const rows = await db
      .selectFrom('suggestion')
      .select(['id', 'title', 'body'])
      .where('import_job_id', '=', jobId)
      .where('search_tokens', 'is', null)
      .orderBy('id')
      .limit(CHUNK)
      .execute();
    if (rows.length === 0) return indexed;
    const docs = JSON.stringify(rows.map((r) => ({ id: r.id, doc: searchDocument(r.title, r.body) })));
    await db.transaction().execute(async (tx) => {
      await sql`select set_config('lianxin.bulk_publish', 'on', true)`.execute(tx);
      await sql`update suggestion s set search_tokens = to_tsvector('simple', x.doc)
        from jsonb_to_recordset(${docs}::jsonb) as x(id int, doc text) where s.id = x.id`.execute(tx);
    });
    indexed += rows.length;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
