import { Table, Tag, Typography, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../shared/format/date';
import { labelOf, ratingLabels } from '../../shared/labels/suggestion';
import { StandingTag } from './StandingTag';
import { StatusTag } from '../../shared/ui/StatusTag';
import type { SuggestionListItem, SuggestionPage, SuggestionSort } from './suggestion.types';

interface Props {
  data: SuggestionPage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  sort: SuggestionSort;
  onPage: (page: number, pageSize: number) => void;
  onSort: (sort: SuggestionSort) => void;
  linkTo: (s: SuggestionListItem) => string;
  /** Extra columns (a row action, the viewer unit's due date …). */
  extraColumns?: TableProps<SuggestionListItem>['columns'];
  rowSelection?: TableProps<SuggestionListItem>['rowSelection'];
  footer?: () => ReactNode;
}

function UnitsCell({ s }: { s: SuggestionListItem }) {
  if (s.units.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <>
      {s.units.map((u) => (
        <div key={u.unitId}>
          {u.unitName}
          <Typography.Text type="secondary">（{u.roleLabel}）</Typography.Text>
          {u.standing && u.standing !== 'on_track' ? (
            <StandingTag standing={u.standing} style={{ marginLeft: 4 }} />
          ) : null}
        </div>
      ))}
    </>
  );
}

const sortOrderOf = (sort: SuggestionSort, key: string) =>
  sort === key ? 'ascend' : sort === `-${key}` ? 'descend' : null;

/** A server-paged, server-sorted table of suggestions for the office, units and supervisors. */
export function SuggestionTable({
  data,
  loading,
  page,
  pageSize,
  sort,
  onPage,
  onSort,
  linkTo,
  extraColumns = [],
  rowSelection,
  footer,
}: Props) {
  const columns: TableProps<SuggestionListItem>['columns'] = [
    {
      key: 'number',
      title: '编号',
      dataIndex: 'numberLabel',
      width: 110,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'number'),
    },
    {
      key: 'title',
      title: '标题',
      width: 300,
      render: (_, s) => (
        <>
          <Link to={linkTo(s)}>{s.title}</Link>
          {s.isKey ? (
            <Tag color="red" style={{ marginLeft: 4 }}>
              重点
            </Tag>
          ) : null}
        </>
      ),
    },
    {
      key: 'lead',
      title: '领衔代表',
      render: (_, s) => `${s.leadDeputyName ?? ''}${s.delegationName ? `（${s.delegationName}）` : ''}`,
      width: 150,
    },
    { key: 'category', title: '类别', dataIndex: 'categoryName', width: 90 },
    { key: 'status', title: '状态', render: (_, s) => <StatusTag status={s.status} />, width: 120 },
    { key: 'units', title: '承办单位', render: (_, s) => <UnitsCell s={s} />, width: 240 },
    {
      key: 'rating',
      title: '测评',
      render: (_, s) => (s.leadRating ? labelOf(ratingLabels, s.leadRating) : '—'),
      width: 80,
    },
    {
      key: 'submitted',
      title: '提交日期',
      render: (_, s) => formatDate(s.submittedAt),
      width: 130,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'submitted'),
    },
    ...extraColumns,
  ];
  return (
    <Table<SuggestionListItem>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      rowSelection={rowSelection}
      scroll={{ x: 1400 }}
      footer={footer}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (t) => `共${t}件`,
      }}
      onChange={(p, _f, sorter) => {
        const one = Array.isArray(sorter) ? sorter[0] : sorter;
        const key = one?.columnKey as string | undefined;
        const next: SuggestionSort =
          key && one?.order ? (((one.order === 'descend' ? '-' : '') + key) as SuggestionSort) : '-updated';
        if (next !== sort) onSort(next);
        else onPage(p.current ?? 1, p.pageSize ?? pageSize);
      }}
    />
  );
}
