import ExcelJS from 'exceljs';
import type { AuditLogItem } from './audit-log.repository.js';

const beijing = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

const columns: { header: string; key: string; width: number }[] = [
  { header: '时间', key: 'at', width: 21 },
  { header: '操作人', key: 'actor', width: 16 },
  { header: '用户名', key: 'username', width: 16 },
  { header: '角色', key: 'role', width: 16 },
  { header: '操作', key: 'action', width: 24 },
  { header: '建议编号', key: 'number', width: 10 },
  { header: '建议标题', key: 'title', width: 48 },
  { header: '对象', key: 'entity', width: 20 },
];

/** The audit log as a workbook: Chinese headers, local times, action names in Chinese. */
export async function auditLogWorkbook(items: readonly AuditLogItem[], congressName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '连心';
  const sheet = workbook.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  for (const item of items) {
    sheet.addRow({
      at: beijing.format(item.at).replaceAll('/', '-'),
      actor: item.actor?.displayName ?? item.actorRoleLabel,
      username: item.actor?.username ?? '',
      role: item.actorRoleLabel,
      action: item.actionLabel,
      number: item.suggestion?.number ?? '',
      title: item.suggestion?.title ?? '',
      entity: item.entityId === null ? item.entityType : `${item.entityType} #${item.entityId}`,
    });
  }
  workbook.title = `${congressName}审计日志`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
