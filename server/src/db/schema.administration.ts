import type { ColumnType, Generated } from 'kysely';

// The tables a congress administers itself with (migration 20261203_0006_administration),
// and the columns it added to the core tables. Kept apart from schema.ts for length;
// schema.ts re-exports everything and holds the Database type.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type DeputyGender = '' | 'male' | 'female';
/** 在任 / 任期届满 / 辞职 / 罢免或终止: a deputy who leaves keeps their record and suggestions. */
export type DeputyStatus = 'serving' | 'term_ended' | 'resigned' | 'removed';
export type UnitRetiredKind = 'retired' | 'merged' | 'abolished';
export type DictionaryKind = 'place' | 'unit' | 'other';

/** A deputy's particulars. Phone and ID number are private: only the congress's office reads them. */
export interface DeputyAdministrationColumns {
  gender: Generated<DeputyGender>;
  ethnicity: Generated<string>;
  phone: Generated<string>;
  id_number: Generated<string>;
  status: Generated<DeputyStatus>;
  status_on: string | null;
}

/** What a suggestion refers to is retired, never deleted. */
export interface RetiredColumn {
  retired_at: Timestamp | null;
}

export interface HandlingUnitAdministrationColumns extends RetiredColumn {
  duties: Generated<string>;
  retired_kind: UnitRetiredKind | null;
  successor_unit_id: number | null;
}

export interface CategoryAdministrationColumns extends RetiredColumn {
  parent_code: string | null;
}

/** A unit merged or abolished in a reform (机构改革), and what it passed to its successor. */
export interface UnitReformTable {
  id: Generated<number>;
  congress_id: number;
  unit_id: number;
  successor_unit_id: number | null;
  kind: 'merged' | 'abolished';
  effective_on: string;
  note: Generated<string>;
  assignments_moved: Generated<number>;
  promises_moved: Generated<number>;
  created_by: number;
  created_at: DefaultedTimestamp;
}

/** The congress's own terms (place and unit names) for search and routing. */
export interface DictionaryEntryTable {
  id: Generated<number>;
  congress_id: number;
  kind: DictionaryKind;
  term: string;
  note: Generated<string>;
  created_at: DefaultedTimestamp;
}

export interface AdministrationSettingTable {
  congress_id: number;
  government_office_administers_units: Generated<boolean>;
  updated_at: DefaultedTimestamp;
  updated_by: number | null;
}
