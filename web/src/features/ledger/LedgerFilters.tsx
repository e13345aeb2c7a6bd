import { Select, Space } from 'antd';
import { chinaToday } from '../../shared/format/date';
import { unitOptions, useSessions, useUnits } from '../suggestion/directory.api';

interface Props {
  filters: Record<string, string>;
  setFilters: (patch: Record<string, string | number | undefined>) => void;
  /** The unit filter: for the office and the supervisors, who see every unit's ledger. */
  showUnit: boolean;
}

/**
 * 回头看: the promises of one session, or of every session before one (往届、往次会议), of the
 * year the suggestion was assigned, and whether picked for focused supervision. Every filter
 * goes to the server (GET /api/promises).
 */
export function LedgerFilters({ filters, setFilters, showUnit }: Props) {
  const sessions = useSessions();
  const units = useUnits();
  const list = sessions.data ?? [];
  const thisYear = Number(chinaToday().slice(0, 4));
  const sessionValue = filters.sessionId
    ? `s:${filters.sessionId}`
    : filters.beforeSessionId
      ? `b:${filters.beforeSessionId}`
      : undefined;
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Select
        aria-label="会议"
        placeholder="全部会议"
        allowClear
        value={sessionValue}
        onChange={(v?: string) =>
          setFilters({
            sessionId: v?.startsWith('s:') ? v.slice(2) : undefined,
            beforeSessionId: v?.startsWith('b:') ? v.slice(2) : undefined,
          })
        }
        options={[
          { label: '各次会议', options: list.map((s) => ({ value: `s:${s.id}`, label: s.label })) },
          {
            label: '回头看：往届、往次会议',
            // The sessions come newest first; the oldest has none before it.
            options: list.slice(0, -1).map((s) => ({ value: `b:${s.id}`, label: `${s.label}以前的各次会议` })),
          },
        ].filter((g) => g.options.length > 0)}
        style={{ minWidth: 260 }}
      />
      <Select
        aria-label="交办年度"
        placeholder="全部年度"
        allowClear
        value={filters.year ? Number(filters.year) : undefined}
        onChange={(v?: number) => setFilters({ year: v })}
        options={Array.from({ length: 10 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年交办` }))}
        style={{ minWidth: 140 }}
      />
      <Select
        aria-label="是否重点督办"
        placeholder="是否重点督办"
        allowClear
        value={filters.focused}
        onChange={(v?: string) => setFilters({ focused: v })}
        options={[
          { value: 'true', label: '重点督办' },
          { value: 'false', label: '未列为重点督办' },
        ]}
        style={{ minWidth: 150 }}
      />
      {showUnit ? (
        <Select
          aria-label="承办单位"
          placeholder="全部承办单位"
          allowClear
          showSearch
          optionFilterProp="label"
          value={filters.unitId ? Number(filters.unitId) : undefined}
          onChange={(v?: number) => setFilters({ unitId: v })}
          options={unitOptions(units.data)}
          style={{ minWidth: 240 }}
        />
      ) : null}
    </Space>
  );
}
