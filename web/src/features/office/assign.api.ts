import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AssignBody, AssignResult } from '../../../../server/src/modules/suggestion/suggestion.schemas';
import { apiExchange } from '../../shared/api/client';
import { suggestionKeys } from '../suggestion/suggestion.api';

export type { AssignResult };

/** The batch's outcome: `complete` when the server answered 200, not 207 (Multi-Status). */
export interface AssignOutcome {
  complete: boolean;
  result: AssignResult;
  /** The items that were not assigned, each with its status, code and Chinese message. */
  refused: Extract<AssignResult['results'][number], { ok: false }>[];
}

/**
 * 交办 (POST /api/suggestions/assign): each item is assigned or refused on its own. The server
 * answers 200 when all were assigned and 207 when some were not; the caller says which.
 */
export function useAssignSuggestions() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: AssignBody): Promise<AssignOutcome> => {
      const { status, body: result } = await apiExchange<AssignResult>('POST', '/suggestions/assign', body);
      const refused = result.results.filter((r): r is AssignOutcome['refused'][number] => !r.ok);
      return { complete: status === 200, result, refused };
    },
    onSettled: () => qc.invalidateQueries({ queryKey: suggestionKeys.all }),
  });
}
