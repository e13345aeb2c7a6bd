import { z } from 'zod';
import { calendarDay, enumOf, timestamp } from '../../platform/api-schemas.js';
import { auditActions } from '../../platform/audit.js';

// The office's audit log: who did what and when across its congress. Pure zod: the web app
// takes its types from here.

const id = z.number().int();

export const auditLogQuery = z
  .object({
    actorUserId: z.coerce.number().int().positive().optional().describe('只看此人（app_user id）的操作'),
    action: enumOf(auditActions, '操作').optional(),
    suggestionId: z.coerce.number().int().positive().optional().describe('只看此建议的记录'),
    from: calendarDay.optional().describe('起始日（北京时间，含）'),
    to: calendarDay.optional().describe('截止日（北京时间，含）'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '起始日不能晚于截止日', path: ['from'] });

export const auditLogEntry = z.object({
  id,
  at: timestamp,
  actor: z
    .object({ userId: id, displayName: z.string(), username: z.string() })
    .nullable()
    .describe('操作人；null：系统（定时任务）或无记名'),
  actorRole: z.string().nullable().describe('操作时的角色（值）'),
  actorRoleLabel: z.string().describe('操作时的角色（中文）：系统、无记名、系统管理员或角色名'),
  action: z.string().describe('操作（值）'),
  actionLabel: z.string().describe('操作（中文）'),
  entityType: z.string(),
  entityId: id.nullable(),
  suggestion: z.object({ id, number: id.nullable(), title: z.string() }).nullable().describe('所涉建议（编号与标题）'),
});

export const auditLogPage = z
  .object({
    items: z.array(auditLogEntry),
    total: id.describe('符合条件的记录总数'),
    page: id,
    pageSize: id,
  })
  .meta({ id: 'AuditLogPage', description: '本级人大的审计日志，一页' });

export const auditActor = z.object({ userId: id, displayName: z.string(), username: z.string() });
export const auditActorList = z.object({ items: z.array(auditActor).describe('在本级审计日志中出现过的操作人') });
export const auditActionList = z.object({
  items: z.array(z.object({ action: z.string(), label: z.string() })).describe('全部可筛选的操作'),
});

export type AuditLogQuery = z.input<typeof auditLogQuery>;
export type AuditLogPage = z.input<typeof auditLogPage>;
export type AuditLogEntry = z.input<typeof auditLogEntry>;
export type AuditActor = z.input<typeof auditActor>;
