import type { AuditAction } from '../../../platform/audit.js';
import type { RoleName } from '../../schema.js';
import type { AuditPlan, Person, SuggestionPlan } from './types.js';

// The audit trail of a fabricated suggestion, in the shapes the commands write.

export function addEvent(
  s: SuggestionPlan,
  at: Date,
  action: AuditAction,
  actor: Person | null,
  role: RoleName | 'system',
  entity: AuditPlan['entity'],
  ref: { id?: number } | null,
  after?: unknown,
  before?: unknown,
): void {
  s.events.push({ at, action, actor, role, entity, ref, after, before });
}

/** The suggestion itself as the entity of an event. */
export const itself = (s: SuggestionPlan) => s as { id?: number };

export function latest(...times: (Date | null | undefined)[]): Date {
  let best = new Date(0);
  for (const t of times) if (t && t > best) best = t;
  return best;
}
