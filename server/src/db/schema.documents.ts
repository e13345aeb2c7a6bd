import type { ColumnType, Generated } from 'kysely';

// The tables of the official documents (公文): number series, urging notices, letterheads.

type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type DocumentIssuerKind = 'unit' | 'congress';
export type DocumentSeriesName = 'reply' | 'urging';

/** One number series of one issuer in one year: 湘交建议复〔2026〕n号 takes the unit's reply series. */
export interface DocumentSeriesTable {
  issuer_kind: DocumentIssuerKind;
  issuer_id: number;
  series: DocumentSeriesName;
  year: number;
  last_number: number;
}

/** A 催办函 the office sent to a unit whose part of a suggestion is overdue. */
export interface UrgingNoticeTable {
  id: Generated<number>;
  congress_id: number;
  suggestion_id: number;
  assignment_id: number;
  unit_id: number;
  doc_number: string;
  /** The due date that had passed, and by how many days, when the notice was issued. */
  due_on: string;
  overdue_days: number;
  /** The part was re-handling: the date that passed was the re-handling reply's. */
  rehandling: boolean;
  contact_name: string;
  contact_phone: string;
  issued_by: number;
  issued_at: DefaultedTimestamp;
}

/** A unit's or an office's own letterhead: a .docx whose body replaces the generated header. */
export interface LetterheadTable {
  id: Generated<number>;
  congress_id: number;
  owner_kind: DocumentIssuerKind;
  owner_id: number;
  file_name: string;
  content: Buffer;
  size_bytes: number;
  uploaded_by: number;
  uploaded_at: DefaultedTimestamp;
}
