import { Input, Select, Space } from 'antd';
import {
  ratingLabels,
  ratingLevels,
  suggestionStatusLabels,
  type SuggestionStatus,
} from '../../shared/labels/suggestion';
import { unitOptions, useCategories, useSessions, useUnits } from './directory.api';

export type FilterName = 'q' | 'sessionId' | 'status' | 'unitId' | 'categoryCode' | 'overdue' | 'isKey' | 'rating';

interface Props {
  filters: Record<string, string>;
  setFilters: (patch: Record<string, string | number | undefined>) => void;
  show: readonly FilterName[];
  statuses?: readonly SuggestionStatus[];
}

const allStatuses = Object.keys(suggestionStatusLabels) as SuggestionStatus[];

/** The filter bar of a suggestion list; every filter goes to the server. */
export function SuggestionFilters({ filters, setFilters, show, statuses = allStatuses }: Props) {
  const has = (f: FilterName) => show.includes(f);
  const sessions = useSessions();
  const categories = useCategories();
  const units = useUnits();
  const num = (v?: string) => (v ? Number(v) : undefined);
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {has('q') ? (
        <Input.Search
          aria-label="搜索"
          placeholder="标题、正文关键词"
          allowClear
          defaultValue={filters.q}
          onSearch={(q) => setFilters({ q })}
          style={{ width: 240 }}
        />
      ) : null}
      {has('sessionId') ? (
        <Select
          aria-label="会议"
          placeholder="全部会议"
          allowClear
          value={num(filters.sessionId)}
          onChange={(v?: number) => setFilters({ sessionId: v })}
          options={(sessions.data ?? []).map((s) => ({ value: s.id, label: s.label }))}
          style={{ minWidth: 220 }}
        />
      ) : null}
      {has('status') ? (
        <Select
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          value={filters.status}
          onChange={(v?: string) => setFilters({ status: v })}
          options={statuses.map((s) => ({ value: s, label: suggestionStatusLabels[s] }))}
          style={{ minWidth: 140 }}
        />
      ) : null}
      {has('unitId') ? (
        <Select
          aria-label="承办单位"
          placeholder="全部承办单位"
          allowClear
          showSearch
          optionFilterProp="label"
          value={num(filters.unitId)}
          onChange={(v?: number) => setFilters({ unitId: v })}
          options={unitOptions(units.data)}
          style={{ minWidth: 220 }}
        />
      ) : null}
      {has('categoryCode') ? (
        <Select
          aria-label="类别"
          placeholder="全部类别"
          allowClear
          value={filters.categoryCode}
          onChange={(v?: string) => setFilters({ categoryCode: v })}
          options={(categories.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
          style={{ minWidth: 140 }}
        />
      ) : null}
      {has('overdue') ? (
        <Select
          aria-label="是否超期"
          placeholder="是否超期"
          allowClear
          value={filters.overdue}
          onChange={(v?: string) => setFilters({ overdue: v })}
          options={[
            { value: 'true', label: '已超期' },
            { value: 'false', label: '未超期' },
          ]}
          style={{ minWidth: 110 }}
        />
      ) : null}
      {has('isKey') ? (
        <Select
          aria-label="重点建议"
          placeholder="是否重点"
          allowClear
          value={filters.isKey}
          onChange={(v?: string) => setFilters({ isKey: v })}
          options={[
            { value: 'true', label: '重点处理建议' },
            { value: 'false', label: '一般建议' },
          ]}
          style={{ minWidth: 130 }}
        />
      ) : null}
      {has('rating') ? (
        <Select
          aria-label="测评结果"
          placeholder="测评结果"
          allowClear
          value={filters.rating}
          onChange={(v?: string) => setFilters({ rating: v })}
          options={[
            ...ratingLevels.map((r) => ({ value: r, label: `办理结果${ratingLabels[r]}` })),
            { value: 'none', label: '未测评' },
          ]}
          style={{ minWidth: 150 }}
        />
      ) : null}
    </Space>
  );
}
