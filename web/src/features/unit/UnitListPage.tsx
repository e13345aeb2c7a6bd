import { ExportButton } from '../../shared/ui/ExportButton';
import { Segmented, Space, Switch, Tag, Typography } from 'antd';
import { DueDate } from '../../shared/ui/DueDate';
import { QueryState } from '../../shared/ui/QueryState';
import { AssignmentStateTag } from '../../shared/ui/StatusTag';
import { StandingTag } from '../suggestion/StandingTag';
import { SuggestionFilters } from '../suggestion/SuggestionFilters';
import { SuggestionTable } from '../suggestion/SuggestionTable';
import { useSuggestionTable } from '../suggestion/useSuggestionTable';
import { partTabs, unitViews, type UnitView } from './unit-list';

/** The unit's lists: new assignments to sign for, its handling list with due-date colours, replies to review. */
export function UnitListPage({ view }: { view: UnitView }) {
  const v = unitViews[view];
  const t = useSuggestionTable(v.fixed, v.sort, v.defaults);
  const partState = t.filters.partState ?? '';
  return (
    <div className="lx-page">
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        {v.title}
      </Typography.Title>
      <ExportButton path="/suggestions/export" query={t.query} />
      {view === 'handling' ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented
            value={partState || 'all'}
            onChange={(x) => t.setFilters({ partState: String(x) === 'all' ? 'all' : String(x) })}
            options={partTabs}
          />
          <span>
            <Switch
              size="small"
              checked={t.filters.nearDue === 'true'}
              onChange={(on) => t.setFilters({ nearDue: on ? 'true' : undefined })}
              aria-label="只看临近期限"
            />{' '}
            只看临近期限
          </span>
        </Space>
      ) : null}
      <SuggestionFilters
        filters={t.filters}
        setFilters={t.setFilters}
        show={['q', 'sessionId', 'overdue', 'categoryCode']}
      />
      <QueryState isLoading={t.list.isLoading} error={t.list.error} onRetry={() => void t.list.refetch()}>
        <SuggestionTable
          {...t.tableProps}
          linkTo={(s) => `/unit/suggestions/${s.id}`}
          extraColumns={[
            {
              key: 'myRole',
              title: '本单位',
              width: 110,
              render: (_, s) =>
                s.myPart ? (
                  <>
                    <Tag>{s.myPart.roleLabel}</Tag>
                    <AssignmentStateTag state={s.myPart.state} />
                  </>
                ) : (
                  '—'
                ),
            },
            {
              key: 'due',
              title: '本单位期限',
              width: 200,
              sorter: true,
              sortOrder: t.tableProps.sort === 'due' ? 'ascend' : t.tableProps.sort === '-due' ? 'descend' : null,
              render: (_, s) =>
                s.myPart ? (
                  <>
                    <DueDate due={s.myPart.due} done={s.myPart.daysLeft === null} />
                    {s.myPart.standing && s.myPart.standing !== 'on_track' ? (
                      <StandingTag standing={s.myPart.standing} />
                    ) : null}
                  </>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </QueryState>
    </div>
  );
}
