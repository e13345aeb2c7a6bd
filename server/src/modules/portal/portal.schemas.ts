import { z } from 'zod';

const ratingLevel = z.enum(['very_satisfied', 'satisfied', 'basically_satisfied', 'unsatisfied']);

export const publicListQuery = z.object({
  congressId: z.coerce.number().int().positive().optional(),
  sessionId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  categoryCode: z.string().max(32).optional(),
  rating: ratingLevel.optional(),
  /** The list of unsatisfied replies: either rating 不满意. */
  unsatisfied: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PublicListQuery = z.infer<typeof publicListQuery>;

export const publicIdParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
