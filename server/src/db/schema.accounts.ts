import type { ColumnType } from 'kysely';

// The tables of accounts and their safety (migration 20261203_0005_accounts).

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Failed logins of one account (key: the lower-cased username) or one client address. */
export interface LoginThrottleTable {
  scope: 'account' | 'address';
  key: string;
  failures: number;
  window_started_at: Timestamp;
  locked_until: Timestamp | null;
}
