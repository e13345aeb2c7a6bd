import { z } from 'zod';
import { period, suggestionStatus } from './suggestion.detail.schemas.js';
import { assignItem } from './suggestion.schemas.js';

// 类办 (办理一件，解决一类): the class routes' requests and answers.

const id = z.number().int().positive();

export const classAssignBody = assignItem.pick({ mode: true, units: true });
export const reuseBody = z.object({
  fromSuggestionId: z
    .number({ error: '请指定答复所在的建议' })
    .int()
    .positive()
    .describe('本单位已起草答复的那一件（本类的一件，suggestions[].id）'),
});

export const classView = z.object({
  id,
  name: z.string(),
  sessionId: id,
  suggestions: z
    .array(
      z.object({
        id: id.describe('建议 id：详情 GET /api/suggestions/{id}'),
        title: z.string(),
        number: z.number().int().positive().nullable(),
        period,
        status: suggestionStatus,
        leadDeputyId: id,
      }),
    )
    .describe('本类中当前用户看得到的各件'),
});

export const classAssigned = z.object({
  classId: id,
  name: z.string(),
  assignedSuggestionIds: z.array(id).describe('本次交办的各件（本类中已立案待交办的）'),
});

export const classReplyReused = z.object({
  draftedSuggestionIds: z.array(id).describe('已写入答复草稿的各件；草稿仍须各自送审、签发'),
  skipped: z.array(z.object({ suggestionId: id, reason: z.string() })).describe('未写入的各件及原因'),
});

export type ClassView = z.input<typeof classView>;
