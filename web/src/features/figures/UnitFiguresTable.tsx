import { Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { QueryState } from '../../shared/ui/QueryState';
import { figureListHref, useUnitFigures, type FigureScopeQuery, type UnitTableBody } from './figures.api';

type UnitRow = UnitTableBody['units'][number];
type UnitColumn = keyof UnitRow['counts'];

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);

/** 各承办单位: every count opens the list of that unit's parts or suggestions behind it. */
export function UnitFiguresTable({ scope }: { scope: FigureScopeQuery }) {
  const q = useUnitFigures(scope);
  const cell = (key: UnitColumn, title: string) => ({
    title,
    key,
    align: 'right' as const,
    render: (_: unknown, u: UnitRow) => (
      <Link
        to={figureListHref(key, { ...scope, unitId: String(u.unitId) })}
        aria-label={`${u.unitName}${title}${u.counts[key]}件，查看清单`}
      >
        {u.counts[key]}
      </Link>
    ),
  });
  const columns: ColumnsType<UnitRow> = [
    {
      title: '承办单位',
      key: 'unit',
      render: (_, u) => (
        <>
          {u.unitName}
          {u.isBigHandler ? (
            <Tag color="blue" style={{ marginLeft: 6 }}>
              办理大户
            </Tag>
          ) : null}
        </>
      ),
    },
    { title: '系统', dataIndex: 'unitSystemName', key: 'system' },
    cell('assignedLead', '主办'),
    cell('assignedCo', '会办'),
    cell('partsReplied', '已答复'),
    { title: '按时答复率', key: 'onTime', align: 'right', render: (_, u) => pct(u.repliedOnTimeShare) },
    { title: '会办意见按时率', key: 'coOnTime', align: 'right', render: (_, u) => pct(u.coOpinionsOnTimeShare) },
    cell('feedback', '已测评'),
    { title: '态度满意率', key: 'attitude', align: 'right', render: (_, u) => pct(u.attitudeGoodShare) },
    { title: '结果满意率', key: 'result', align: 'right', render: (_, u) => pct(u.resultGoodShare) },
  ];
  return (
    <Card size="small" title="各承办单位办理情况">
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        <Table<UnitRow>
          size="small"
          rowKey="unitId"
          columns={columns}
          dataSource={q.data?.units ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
        />
      </QueryState>
    </Card>
  );
}
