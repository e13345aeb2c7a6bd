import { ExportButton } from '../../shared/ui/ExportButton';
import { Alert, Empty, List, Segmented, Typography } from 'antd';
import { chinaToday } from '../../shared/format/date';
import { useListParams } from '../../shared/hooks/useListParams';
import { QueryState } from '../../shared/ui/QueryState';
import { LedgerFilters } from './LedgerFilters';
import { usePromises, type LedgerQuery, type PromiseAbilities, type PromiseStatus } from './ledger.api';
import { PromiseCard } from './PromiseCard';

interface Props {
  /**
   * unit: the handler reports progress and asks for 销号; deputy: says whether each report
   * satisfies and, as lead deputy, whether to 销号; office: marks done (销号) and picks promises
   * for 回头看; read: the supervisors follow.
   */
  mode: 'unit' | 'deputy' | 'office' | 'read';
  /** Where a suggestion's page lives in this workspace. */
  suggestionPath: (id: number) => string;
}

const intro: Record<Props['mode'], string> = {
  unit: '本单位答复中列入台账的承诺事项：定期报告进展，办完后申请销号，经领衔代表确认、联工委销号。',
  deputy: '您的建议中承办单位作出的承诺：请对每次进展报告表明是否满意；承办单位申请销号时，请在期限内确认是否同意。',
  office:
    '各承办单位的承诺事项：代表同意后销号；代表不同意或逾期未确认的，说明理由裁定销号。回头看：按会议、年度筛选往年承诺，列为重点督办。',
  read: '各承办单位的承诺事项及进展、销号情况。',
};

const num = (v?: string) => (v ? Number(v) : undefined);

/** 承诺台账: every promise of a class the congress's table puts on the ledger, followed until 销号. */
export function LedgerPage({ mode, suggestionPath }: Props) {
  const { page, pageSize, filters, setFilters, setPage } = useListParams();
  const status = (filters.status ?? 'open') as PromiseStatus | 'all';
  const query: LedgerQuery = {
    page,
    pageSize,
    status: status === 'all' ? undefined : status,
    unitId: num(filters.unitId),
    sessionId: num(filters.sessionId),
    beforeSessionId: num(filters.beforeSessionId),
    year: num(filters.year),
    focused: filters.focused === 'true' || filters.focused === 'false' ? filters.focused : undefined,
  };
  const list = usePromises(query);
  const today = chinaToday();
  const filtered = mode === 'office' || mode === 'read';

  return (
    <div className={mode === 'deputy' ? 'lx-page-narrow' : 'lx-page'}>
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        承诺事项台账
      </Typography.Title>
      <Typography.Paragraph type="secondary">{intro[mode]}</Typography.Paragraph>
      {mode === 'deputy' ? null : <ExportButton path="/promises/export" query={query} />}
      <Segmented
        value={status}
        onChange={(v) => setFilters({ status: String(v) })}
        options={[
          { value: 'open', label: '跟踪中' },
          { value: 'fulfilled', label: '已销号' },
          { value: 'all', label: '全部' },
        ]}
        style={{ marginBottom: 12 }}
      />
      {filtered ? <LedgerFilters filters={filters} setFilters={setFilters} showUnit /> : null}
      {filters.beforeSessionId ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="回头看：往届、往次会议建议的承诺事项。未完成的可列为重点督办。"
        />
      ) : null}
      <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => void list.refetch()}>
        <List
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: <Empty description="没有承诺事项" /> }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showTotal: (t) => `共${t}项`,
          }}
          renderItem={(p) => (
            <List.Item>
              <PromiseCard
                p={p}
                may={mode === 'read' ? readOnly : p.abilities}
                viewer={mode === 'deputy' ? 'deputy' : 'other'}
                isCosigner={mode === 'deputy' && !p.abilities.answerFulfilment}
                today={today}
                suggestionPath={suggestionPath(p.suggestionId)}
              />
            </List.Item>
          )}
        />
      </QueryState>
    </div>
  );
}

const readOnly: PromiseAbilities = {
  reportProgress: false,
  requestFulfilment: false,
  assessProgress: false,
  answerFulfilment: false,
  fulfil: null,
  focus: false,
};
