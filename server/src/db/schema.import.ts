import type { ColumnType, Generated } from 'kysely';

// The tables of the Excel import (modules/import). Kept apart from schema.ts; schema.ts names
// them in its Database interface.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | undefined, string>;

export type ImportKind = 'deputies' | 'units' | 'suggestions';
export type ImportJobState = 'reading' | 'checking' | 'checked' | 'publishing' | 'done' | 'failed';

/** One problem of a file, where the office finds it in Excel. */
export interface ImportProblem {
  sheet: string;
  row: number;
  column: string;
  field: string;
  message: string;
}

export interface ImportJobTable {
  id: Generated<number>;
  congress_id: number;
  kind: ImportKind;
  state: ImportJobState;
  file_name: string;
  total_rows: Generated<number>;
  done_rows: Generated<number>;
  /** Per cent of the current phase (reading, checking, publishing) done. */
  progress: Generated<number>;
  problem_count: Generated<number>;
  /** The first problems (at most a thousand), in sheet and row order. */
  problems: Json<ImportProblem[]>;
  result: Json<Record<string, number>> | null;
  error: string | null;
  /** The password every account the import creates starts with (they must change it). */
  initial_password_hash: string | null;
  created_by: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
}

/** A row of the file as read: its cells as text by column letter, the header row included. */
export interface ImportRowTable {
  job_id: number;
  sheet: string;
  row_no: number;
  cells: Json<Record<string, string>>;
}
