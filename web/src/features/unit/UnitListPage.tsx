import { Alert, Segmented, Tag, Typography } from 'antd';
import { DueDate } from '../../shared/ui/DueDate';
import { QueryState } from '../../shared/ui/QueryState';
import { AssignmentStateTag } from '../../shared/ui/StatusTag';
import { labelOf, standingColors, standingLabels } from '../../shared/labels/suggestion';
import { useMe, activeGrantOf } from '../auth/auth.api';
import { SuggestionFilters } from '../suggestion/SuggestionFilters';
import { SuggestionTable } from '../suggestion/SuggestionTable';
import { useSuggestionTable } from '../suggestion/useSuggestionTable';
import { partStatesOf } from './unit-list';

const titles = { inbox: '待签收', handling: '本单位建议', review: '待审核签发' } as const;

/** The unit's lists: new assignments to sign for, its handling list with due-date colours. */
export function UnitListPage({ view }: { view: keyof typeof titles }) {
  const me = useMe();
  const states = partStatesOf[view] ?? [];
  const unitId = me.data ? (activeGrantOf(me.data)?.unitId ?? undefined) : undefined;
  const t = useSuggestionTable({ unitId, partState: view === 'handling' ? undefined : states.join(',') }, view === 'inbox' ? '-updated' : 'number', view === 'handling' ? { status: 'assigned' } : {});
  const page = t.list.data;
  const narrowed = page && view !== 'handling' ? { ...page, items: page.items.filter((s) => s.myPart && states.includes(s.myPart.state)) } : page;
  return (
    <div className="lx-page">
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        {titles[view]}
      </Typography.Title>
      {view === 'review' ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message="打开建议后，如答复正待您审核或签发，页面上会出现「审核」按钮。" /> : null}
      {view === 'handling' ? (
        <Segmented
          style={{ marginBottom: 12 }}
          value={t.filters.status ?? ''}
          onChange={(v) => t.setFilters({ status: String(v) || undefined })}
          options={[
            { value: 'assigned', label: '办理中' },
            { value: 'rehandling', label: '重新办理' },
            { value: 'replied', label: '已答复待测评' },
            { value: 'closed', label: '已办结' },
            { value: '', label: '全部' },
          ]}
        />
      ) : null}
      <SuggestionFilters filters={t.filters} setFilters={t.setFilters} show={['q', 'sessionId', 'overdue', 'categoryCode']} />
      <QueryState isLoading={t.list.isLoading} error={t.list.error} onRetry={() => void t.list.refetch()}>
        <SuggestionTable
          {...t.tableProps}
          data={narrowed}
          linkTo={(s) => `/unit/suggestions/${s.id}`}
          extraColumns={[
            { key: 'myRole', title: '本单位', width: 110, fixed: 'right', render: (_, s) => (s.myPart ? <><Tag>{s.myPart.roleLabel}</Tag><AssignmentStateTag state={s.myPart.state} /></> : '—') },
            {
              key: 'myDue', title: '本单位期限', width: 200, fixed: 'right',
              render: (_, s) =>
                s.myPart ? (
                  <>
                    <DueDate due={s.myPart.due} done={s.myPart.daysLeft === null} />
                    {s.myPart.standing && s.myPart.standing !== 'on_track' ? <Tag color={standingColors[s.myPart.standing]}>{labelOf(standingLabels, s.myPart.standing)}</Tag> : null}
                  </>
                ) : '—',
            },
          ]}
        />
      </QueryState>
    </div>
  );
}
