import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, InputNumber, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import type {
  AuditActor,
  AuditLogEntry,
  AuditLogPage,
} from '../../../../server/src/modules/audit-log/audit-log.schemas';
import { api, withQuery } from '../../shared/api/client';
import { formatDateTime } from '../../shared/format/date';
import { useListParams } from '../../shared/hooks/useListParams';
import { QueryState } from '../../shared/ui/QueryState';

const filterKeys = ['actorUserId', 'action', 'suggestionId', 'from', 'to'] as const;

/** 审计日志: who did what and when across the congress, filtered, paged, exported to Excel. */
export function AuditPage() {
  const { page, pageSize, filters, setFilters, setPage } = useListParams(50);
  const query = Object.fromEntries(filterKeys.filter((k) => filters[k]).map((k) => [k, filters[k]!]));
  const list = useQuery({
    queryKey: ['audit-log', query, page, pageSize],
    queryFn: () => api.get<AuditLogPage>('/audit-log', { ...query, page, pageSize }),
  });
  const actors = useQuery({
    queryKey: ['audit-log', 'actors'],
    queryFn: () => api.get<{ items: AuditActor[] }>('/audit-log/actors'),
    staleTime: 5 * 60_000,
  });
  const actions = useQuery({
    queryKey: ['audit-log', 'actions'],
    queryFn: () => api.get<{ items: { action: string; label: string }[] }>('/audit-log/actions'),
    staleTime: Infinity,
  });
  const range: [Dayjs | null, Dayjs | null] | null =
    filters.from || filters.to
      ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
      : null;

  return (
    <div className="lx-page">
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        审计日志
      </Typography.Title>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }} aria-label="筛选审计日志">
        <Form.Item label="操作人" htmlFor="audit-actor">
          <Select
            id="audit-actor"
            showSearch
            allowClear
            placeholder="全部"
            style={{ width: 200 }}
            optionFilterProp="label"
            loading={actors.isLoading}
            value={filters.actorUserId ? Number(filters.actorUserId) : undefined}
            onChange={(v?: number) => setFilters({ actorUserId: v })}
            options={(actors.data?.items ?? []).map((a) => ({
              value: a.userId,
              label: `${a.displayName}（${a.username}）`,
            }))}
          />
        </Form.Item>
        <Form.Item label="操作" htmlFor="audit-action">
          <Select
            id="audit-action"
            showSearch
            allowClear
            placeholder="全部"
            style={{ width: 200 }}
            optionFilterProp="label"
            value={filters.action}
            onChange={(v?: string) => setFilters({ action: v })}
            options={(actions.data?.items ?? []).map((a) => ({ value: a.action, label: a.label }))}
          />
        </Form.Item>
        <Form.Item label="建议ID" htmlFor="audit-suggestion">
          <InputNumber
            id="audit-suggestion"
            min={1}
            precision={0}
            style={{ width: 120 }}
            value={filters.suggestionId ? Number(filters.suggestionId) : null}
            onChange={(v) => setFilters({ suggestionId: v ?? undefined })}
          />
        </Form.Item>
        <Form.Item label="日期" htmlFor="audit-from">
          <DatePicker.RangePicker
            id={{ start: 'audit-from', end: 'audit-to' }}
            value={range}
            allowEmpty={[true, true]}
            onChange={(v) => setFilters({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
          />
        </Form.Item>
        <Space>
          <Button
            onClick={() => setFilters(Object.fromEntries(filterKeys.map((k) => [k, undefined])))}
            disabled={Object.keys(query).length === 0}
          >
            清除筛选
          </Button>
          <Button icon={<DownloadOutlined />} href={`/api${withQuery('/audit-log/export', query)}`}>
            导出 Excel
          </Button>
        </Space>
      </Form>
      <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => void list.refetch()}>
        <Table<AuditLogEntry>
          rowKey="id"
          size="middle"
          dataSource={list.data?.items ?? []}
          scroll={{ x: 900 }}
          locale={{ emptyText: '没有符合条件的记录' }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => `共 ${total} 条`,
            onChange: (p, size) => setPage(p, size),
          }}
          columns={[
            { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => formatDateTime(at) },
            {
              title: '操作人',
              key: 'actor',
              width: 180,
              render: (_, e) =>
                e.actor ? (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => setFilters({ actorUserId: e.actor!.userId })}
                  >
                    {e.actor.displayName}
                  </Button>
                ) : (
                  e.actorRoleLabel
                ),
            },
            { title: '角色', dataIndex: 'actorRoleLabel', width: 140 },
            { title: '操作', dataIndex: 'actionLabel', width: 180 },
            {
              title: '所涉建议',
              key: 'suggestion',
              render: (_, e) =>
                e.suggestion ? (
                  <Space size={4} wrap>
                    <Link to={`/office/suggestions/${e.suggestion.id}`}>
                      {e.suggestion.number === null ? '' : `第${e.suggestion.number}号 `}
                      {e.suggestion.title}
                    </Link>
                    <Button
                      type="link"
                      size="small"
                      aria-label={`只看建议“${e.suggestion.title}”的记录`}
                      onClick={() => setFilters({ suggestionId: e.suggestion!.id })}
                    >
                      只看此件
                    </Button>
                  </Space>
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
