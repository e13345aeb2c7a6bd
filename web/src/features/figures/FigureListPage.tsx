import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../../shared/format/date';
import { formatSuggestionNumber } from '../../shared/format/number';
import { suggestionStatusLabels, type SuggestionStatus } from '../../shared/labels/suggestion';
import { QueryState } from '../../shared/ui/QueryState';
import { useFigureList, type DrillPageBody, type FigureScopeQuery } from './figures.api';

type Row = DrillPageBody['rows'][number];
const PAGE = 50;
const roleWords: Record<string, string> = { sole: '单独办理', lead: '主办', co: '会办', separate: '分别办理' };

/** The list behind one number of the dashboard: its count is the number. */
export function FigureListPage() {
  const [params, setParams] = useSearchParams();
  const scope: FigureScopeQuery = Object.fromEntries(params.entries());
  const key = params.get('key') ?? 'received';
  const offset = Number(params.get('offset') ?? '0');
  const q = useFigureList({ ...scope, key, offset: String(offset) });
  const level = q.data?.level;
  const columns: ColumnsType<Row> = [
    { title: '编号', key: 'number', render: (_, r) => formatSuggestionNumber(r.number, r.period) },
    {
      title: '建议',
      key: 'title',
      render: (_, r) => <Link to={`/office/suggestions/${r.suggestionId}`}>{r.title}</Link>,
    },
    { title: '领衔代表', dataIndex: 'leadDeputyName', key: 'lead' },
    ...(level === 'suggestion'
      ? [
          {
            title: '状态',
            key: 'status',
            render: (_: unknown, r: Row) => suggestionStatusLabels[r.status as SuggestionStatus] ?? r.status,
          },
        ]
      : [
          { title: '承办单位', dataIndex: 'unitName', key: 'unit' },
          { title: '承办方式', key: 'role', render: (_: unknown, r: Row) => (r.role ? roleWords[r.role] : '') },
        ]),
    ...(level === 'reply'
      ? [
          { title: '分类', dataIndex: 'classCode', key: 'class' },
          { title: '文号', dataIndex: 'docNumber', key: 'doc' },
          { title: '答复时间', key: 'sent', render: (_: unknown, r: Row) => formatDateTime(r.sentAt) },
        ]
      : []),
  ];
  return (
    <div className="lx-page">
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        {q.data ? `${q.data.label}：${q.data.total}件` : '统计清单'}
      </Typography.Title>
      <Typography.Paragraph>
        <Link to="/office">返回工作台</Link>
      </Typography.Paragraph>
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        <Table<Row>
          size="small"
          rowKey={(r) => `${r.suggestionId}-${r.assignmentId ?? ''}`}
          columns={columns}
          dataSource={q.data?.rows ?? []}
          scroll={{ x: 720 }}
          pagination={{
            current: Math.floor(offset / PAGE) + 1,
            pageSize: PAGE,
            total: q.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (page) => {
              const next = new URLSearchParams(params);
              next.set('offset', String((page - 1) * PAGE));
              setParams(next);
            },
          }}
        />
      </QueryState>
    </div>
  );
}
