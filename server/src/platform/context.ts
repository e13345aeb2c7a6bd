import type { AppConfig } from './config.js';
import type { Clock } from './clock.js';
import type { Db } from './db.js';

/** What every route and job needs from the running server. */
export interface AppContext {
  db: Db;
  databaseKind: 'pglite' | 'postgres';
  config: AppConfig;
  clock: Clock;
}
