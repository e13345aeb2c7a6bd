import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';

export async function loadDemoDataIfEmpty(_db: Db, _clock: Clock): Promise<void> {}
