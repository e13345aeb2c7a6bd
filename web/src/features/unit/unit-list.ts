import type { AssignmentState } from '../../shared/labels/suggestion';

/**
 * The unit's lists by the state of its own part. The server's list filters by suggestion
 * status and unit; `partState` is sent for when the server supports it (unknown query keys
 * are ignored) and the page is also narrowed here.
 */
export const partStatesOf: Record<string, readonly AssignmentState[]> = {
  inbox: ['pending_ack'],
  handling: ['handling', 'rehandling', 'pending_ack'],
  review: ['handling', 'rehandling'],
};
