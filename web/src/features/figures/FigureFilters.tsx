import { Select, Space } from 'antd';
import { useMemo } from 'react';
import { useCategories, useDelegations, useUnits } from '../suggestion/directory.api';
import type { FigureScopeQuery } from './figures.api';

// The filters of the report's figures (system, unit, category, delegation, key or not): each
// narrows the cohort every tile, chart and list of the dashboard counts.

type FilterKey = 'unitSystemId' | 'unitId' | 'categoryCode' | 'delegationId' | 'isKey';
export type FigureFilterValues = Pick<FigureScopeQuery, FilterKey>;

const keyOptions = [
  { value: 'true', label: '重点处理建议' },
  { value: 'false', label: '非重点处理建议' },
];

export function FigureFilters({
  value,
  onChange,
}: {
  value: FigureFilterValues;
  onChange: (next: FigureFilterValues) => void;
}) {
  const units = useUnits();
  const categories = useCategories();
  const delegations = useDelegations();
  const systems = useMemo(() => {
    const seen = new Map<number, string>();
    for (const u of units.data ?? []) seen.set(u.unitSystemId, u.systemName);
    return [...seen].map(([id, name]) => ({ value: String(id), label: name }));
  }, [units.data]);
  const unitOptions = (units.data ?? [])
    .filter((u) => !value.unitSystemId || String(u.unitSystemId) === value.unitSystemId)
    .map((u) => ({ value: String(u.id), label: u.name }));
  const set = (key: FilterKey) => (v: string | undefined) => {
    const next = { ...value, [key]: v };
    // A unit outside the system just picked no longer applies.
    if (key === 'unitSystemId') next.unitId = undefined;
    onChange(next);
  };
  const select = (key: FilterKey, label: string, options: { value: string; label: string }[], width = 150) => (
    <Select
      aria-label={label}
      placeholder={label}
      allowClear
      showSearch
      optionFilterProp="label"
      style={{ width }}
      value={value[key]}
      options={options}
      onChange={set(key)}
    />
  );
  return (
    <Space wrap>
      {select('unitSystemId', '全部系统', systems)}
      {select('unitId', '全部承办单位', unitOptions, 200)}
      {select(
        'categoryCode',
        '全部类别',
        (categories.data ?? []).map((c) => ({ value: c.code, label: c.name })),
      )}
      {select(
        'delegationId',
        '全部代表团',
        (delegations.data ?? []).map((d) => ({
          value: String(d.id),
          label: d.retired ? `${d.name}（已撤销）` : d.name,
        })),
      )}
      {select('isKey', '重点与否', keyOptions, 140)}
    </Space>
  );
}
