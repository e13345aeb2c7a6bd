import { sql } from 'kysely';
import type { DocumentIssuerKind, DocumentSeriesName } from '../../db/schema.js';
import type { Executor } from '../../platform/db.js';

// Document numbers (发文字号): 湘交建议复〔2026〕12号. Each issuer has one series per kind of
// document and year; the next number is taken with one upsert on the series' row, so two
// letters signed at the same moment wait for each other on that row and never share a number.

export interface SeriesKey {
  issuerKind: DocumentIssuerKind;
  issuerId: number;
  series: DocumentSeriesName;
  year: number;
}

/** 发文机关代字 + 类别 + 〔年份〕 + 序号 + 号 (GB/T 9704 7.2.4: 年份用六角括号, 序号不编虚位). */
export const formatDocNumber = (prefix: string, year: number, n: number): string => `${prefix}〔${year}〕${n}号`;

/** The kind of document each series names in its numbers (湘交建议复, 湘人大建议催). */
export const seriesWord: Record<DocumentSeriesName, string> = { reply: '建议复', urging: '建议催' };

/**
 * The highest number a series has already given out in records written before the series had
 * its row (numbers typed into imported or seeded letters): the series goes on after it.
 */
function issuedBefore(key: SeriesKey) {
  const pattern = `〔${key.year}〕([0-9]+)号$`;
  if (key.series === 'reply')
    return sql<number>`(select coalesce(max(substring(doc_number from ${pattern})::int), 0) from reply
      where unit_id = ${key.issuerId} and state = 'sent')`;
  return sql<number>`(select coalesce(max(substring(doc_number from ${pattern})::int), 0) from urging_notice
      where congress_id = ${key.issuerId})`;
}

/** The next number of the series, in the caller's transaction (taken for good when it commits). */
export async function nextDocNumber(tx: Executor, key: SeriesKey): Promise<number> {
  const row = await tx
    .insertInto('document_series')
    .values({
      issuer_kind: key.issuerKind,
      issuer_id: key.issuerId,
      series: key.series,
      year: key.year,
      last_number: sql<number>`${issuedBefore(key)} + 1`,
    })
    .onConflict((oc) =>
      oc
        .columns(['issuer_kind', 'issuer_id', 'series', 'year'])
        .doUpdateSet({ last_number: sql<number>`document_series.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}
