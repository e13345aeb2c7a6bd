import { Segmented, Typography } from 'antd';
import { QueryState } from '../../shared/ui/QueryState';
import { DueDate } from '../../shared/ui/DueDate';
import { SuggestionFilters } from '../suggestion/SuggestionFilters';
import { SuggestionTable } from '../suggestion/SuggestionTable';
import { useSuggestionTable } from '../suggestion/useSuggestionTable';

/**
 * 超期预警: suggestions whose unit is past its due date, and those in handling (their
 * near-due units are marked in the units column).
 */
export function DeadlineBoardPage() {
  const t = useSuggestionTable({}, 'number', { overdue: 'true' });
  const view = t.filters.overdue === 'false' ? 'handling' : 'overdue';
  return (
    <div className="lx-page">
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        超期预警
      </Typography.Title>
      <Segmented
        style={{ marginBottom: 12 }}
        value={view}
        onChange={(v) =>
          t.setFilters(
            v === 'overdue' ? { overdue: 'true', status: undefined } : { overdue: 'false', status: 'assigned' },
          )
        }
        options={[
          { value: 'overdue', label: '已超期' },
          { value: 'handling', label: '办理中未超期（看临近期限）' },
        ]}
      />
      <SuggestionFilters
        filters={t.filters}
        setFilters={t.setFilters}
        show={['sessionId', 'unitId', 'categoryCode', 'isKey']}
      />
      <QueryState isLoading={t.list.isLoading} error={t.list.error} onRetry={() => void t.list.refetch()}>
        <SuggestionTable
          {...t.tableProps}
          linkTo={(s) => `/office/suggestions/${s.id}`}
          extraColumns={[
            {
              key: 'due',
              title: '最近期限',
              width: 200,
              render: (_, s) => {
                const open = s.units
                  .filter((u) => u.daysLeft !== null)
                  .sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0));
                return open[0] ? <DueDate due={open[0].due} /> : '—';
              },
            },
          ]}
        />
      </QueryState>
    </div>
  );
}
