import { z } from 'zod';
import { timestamp } from '../../platform/api-schemas.js';

// The in-app notices (站内通知) of the logged-in user: query and answers of notice.routes.ts.

export const noticeQuery = z.object({
  unread: z.enum(['true', 'false']).optional().describe('true：只列未读的'),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const noticeItem = z.object({
  id: z.number().int().positive().describe('通知 id：标记已读 POST /api/notices/{id}/read'),
  kind: z.string().describe('通知类别代码，如 submitted、deadline_near'),
  title: z.string(),
  body: z.string(),
  suggestionId: z.number().int().positive().nullable().describe('所涉建议：详情 GET /api/suggestions/{id}'),
  createdAt: timestamp,
  readAt: timestamp.nullable().describe('已读时间；未读为 null'),
});

export const noticePage = z.object({
  items: z.array(noticeItem).describe('最新的在前'),
  unread: z.number().int().min(0).describe('当前身份所在人大的未读通知数'),
});

export type NoticePage = z.input<typeof noticePage>;
