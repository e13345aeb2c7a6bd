import type { DeadlineContext } from '../../../modules/handling-rules/handling-rules.repository.js';
import type { Timeline } from './dates.js';
import type { Rng } from './random.js';

/** What every generator of the demo history needs: randomness, the dates, the rules. */
export interface PlanContext {
  rng: Rng;
  t: Timeline;
  deadlines: DeadlineContext;
}
