import { Card, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../shared/format/date';
import { formatSuggestionNumber } from '../../shared/format/number';
import { useListParams } from '../../shared/hooks/useListParams';
import { assignmentRoleLabels, labelOf, ratingLabels, ratingLevels } from '../../shared/labels/suggestion';
import { QueryState } from '../../shared/ui/QueryState';
import { usePublicOptions, usePublicSuggestions, type PublicSuggestionItem } from './portal.api';

function SuggestionCard({ s }: { s: PublicSuggestionItem }) {
  return (
    <List.Item>
      <Card size="small" style={{ width: '100%' }}>
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {s.sessionName} {formatSuggestionNumber(s.number, s.period)} · {s.categoryName}
          </Typography.Text>
          <Link to={`/portal/suggestions/${s.id}`} style={{ fontSize: 16, fontWeight: 600 }}>
            {s.title}
          </Link>
          <Typography.Text>
            领衔代表：{s.leadDeputyName}
            {s.delegationName ? `（${s.delegationName}）` : ''}
          </Typography.Text>
          {s.units.length > 0 ? (
            <Typography.Text>
              承办单位：{s.units.map((u) => `${u.name}（${labelOf(assignmentRoleLabels, u.role)}）`).join('、')}
            </Typography.Text>
          ) : null}
          <Space wrap size={4}>
            {s.replyClass ? <Tag color="blue">答复分类 {s.replyClass}</Tag> : null}
            {s.rating ? (
              <>
                <Tag color={s.rating.attitude === 'unsatisfied' ? 'red' : 'green'}>办理态度：{ratingLabels[s.rating.attitude]}</Tag>
                <Tag color={s.rating.result === 'unsatisfied' ? 'red' : 'green'}>办理结果：{ratingLabels[s.rating.result]}</Tag>
              </>
            ) : null}
            {s.publishedAt ? <Typography.Text type="secondary">公开于{formatDate(s.publishedAt)}</Typography.Text> : null}
          </Space>
        </Space>
      </Card>
    </List.Item>
  );
}

export function PortalList() {
  const { page, pageSize, filters, setFilters, setPage } = useListParams(10);
  const options = usePublicOptions();
  const list = usePublicSuggestions({ page, pageSize, ...filters });

  return (
    <div className="lx-page-narrow" style={{ maxWidth: 960 }}>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        代表建议及办理情况公开
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12, width: '100%' }}>
        <Input.Search
          aria-label="搜索建议"
          placeholder="搜索标题、正文、承办单位"
          defaultValue={filters.q}
          allowClear
          enterButton="搜索"
          onSearch={(q) => setFilters({ q })}
          style={{ width: 320, maxWidth: '100%' }}
        />
        <Select
          aria-label="会议"
          placeholder="全部会议"
          allowClear
          value={filters.sessionId ? Number(filters.sessionId) : undefined}
          onChange={(v?: number) => setFilters({ sessionId: v })}
          options={(options.data?.sessions ?? []).map((s) => ({ value: s.id, label: s.name }))}
          style={{ minWidth: 200 }}
        />
        <Select
          aria-label="类别"
          placeholder="全部类别"
          allowClear
          value={filters.categoryCode}
          onChange={(v?: string) => setFilters({ categoryCode: v })}
          options={(options.data?.categories ?? []).map((c) => ({ value: c.code, label: c.name }))}
          style={{ minWidth: 140 }}
        />
        <Select
          aria-label="承办单位"
          placeholder="全部承办单位"
          allowClear
          showSearch
          optionFilterProp="label"
          value={filters.unitId ? Number(filters.unitId) : undefined}
          onChange={(v?: number) => setFilters({ unitId: v })}
          options={(options.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
          style={{ minWidth: 200 }}
        />
        <Select
          aria-label="代表测评"
          placeholder="全部测评结果"
          allowClear
          value={filters.rating}
          onChange={(v?: string) => setFilters({ rating: v })}
          options={ratingLevels.map((r) => ({ value: r, label: `办理结果${ratingLabels[r]}` }))}
          style={{ minWidth: 160 }}
        />
      </Space>
      <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => void list.refetch()}>
        <List
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description="暂无公开的建议" /> }}
          renderItem={(s) => <SuggestionCard s={s} />}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (t) => `共${t}件`,
            onChange: setPage,
          }}
        />
      </QueryState>
    </div>
  );
}
