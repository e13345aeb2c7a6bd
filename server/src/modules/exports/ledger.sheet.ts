import { tableSheet, type FilledSheet } from '../../platform/table-workbook.js';
import { chinaToday } from '../deadline/iso-date.js';
import type { listPromises } from '../ledger/ledger.repository.js';

// The promise ledger (台账) as units and the office keep it: each promise with what was done,
// what is planned and by when, its latest progress and where it stands.

type PromiseItem = Awaited<ReturnType<typeof listPromises>>['items'][number];

const statusText = (p: PromiseItem) =>
  p.status === 'fulfilled'
    ? p.fulfilledHow === 'office_ruling'
      ? '已销号（联工委裁定）'
      : '已销号'
    : p.status === 'superseded'
      ? '已被重新办理的答复取代'
      : p.fulfilmentRequestedAt
        ? '已申请销号'
        : '未完成';

const day = (at: string | Date | null) => (at === null ? '' : typeof at === 'string' ? at : chinaToday(at));

export function ledgerSheet(items: readonly PromiseItem[], caption: string): FilledSheet {
  return tableSheet<PromiseItem>({
    name: '承诺台账',
    caption,
    rows: items,
    columns: [
      { header: '建议编号', width: 12, value: (p) => p.suggestionNumber },
      { header: '建议标题', width: 40, value: (p) => p.suggestionTitle },
      { header: '承办单位', width: 22, value: (p) => p.unitName },
      { header: '答复分类', width: 8, value: (p) => p.classCode },
      { header: '已解决事项', width: 36, value: (p) => p.doneText },
      { header: '计划解决事项', width: 36, value: (p) => p.plannedText },
      { header: '未能解决的原因', width: 30, value: (p) => p.notDoneReason },
      { header: '承诺期限', width: 12, value: (p) => p.targetOn },
      { header: '最新进展', width: 40, value: (p) => p.progress.at(-1)?.progress ?? '' },
      { header: '进展报告日期', width: 12, value: (p) => day(p.progress.at(-1)?.reportedAt ?? null) },
      { header: '状态', width: 16, value: statusText },
      { header: '销号日期', width: 12, value: (p) => day(p.fulfilledAt) },
      { header: '重点督办', width: 8, value: (p) => (p.focused ? '是' : '') },
    ],
  });
}
