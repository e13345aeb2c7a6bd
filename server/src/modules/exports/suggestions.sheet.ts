import { ratingLabels } from '../../shared/labels.js';
import { chinaToday } from '../deadline/iso-date.js';
import type { listSuggestions } from '../suggestion/suggestion.list.js';
import { tableSheet, type FilledSheet } from '../../platform/table-workbook.js';

// The suggestion table as the office keeps it in Excel: one row a suggestion, its units with
// their roles and where each part stands, and the lead deputy's latest rating.

type Item = Awaited<ReturnType<typeof listSuggestions>>['items'][number];

const day = (at: Date | string | null) => (at === null ? '' : typeof at === 'string' ? at : chinaToday(at));

export function suggestionsSheet(items: readonly Item[], caption: string): FilledSheet {
  return tableSheet<Item>({
    name: '建议清单',
    caption,
    rows: items,
    columns: [
      { header: '编号', width: 12, value: (s) => s.numberLabel },
      { header: '标题', width: 44, value: (s) => s.title },
      { header: '领衔代表', width: 10, value: (s) => s.leadDeputyName },
      { header: '代表团', width: 14, value: (s) => s.delegationName },
      { header: '类别', width: 12, value: (s) => s.categoryName },
      { header: '重点建议', width: 8, value: (s) => (s.isKey ? '是' : '') },
      { header: '状态', width: 12, value: (s) => s.statusLabel },
      { header: '提出日期', width: 12, value: (s) => day(s.submittedAt) },
      { header: '交办日期', width: 12, value: (s) => day(s.assignedOn) },
      {
        header: '承办单位',
        width: 36,
        value: (s) => s.units.map((u) => `${u.unitName}（${u.roleLabel}）`).join('、'),
      },
      {
        header: '办理情况',
        width: 36,
        value: (s) => s.units.map((u) => `${u.unitName}：${u.stateLabel}`).join('；'),
      },
      {
        header: '答复期限',
        width: 12,
        value: (s) =>
          s.units
            .filter((u) => u.standing !== null)
            .map((u) => u.due)
            .sort()[0] ?? '',
      },
      {
        header: '办理结果评价',
        width: 12,
        value: (s) => (s.leadRating ? (ratingLabels[s.leadRating as keyof typeof ratingLabels] ?? '') : ''),
      },
    ],
  });
}
