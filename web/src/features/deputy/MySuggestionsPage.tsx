import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Input, List, Segmented, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useListParams } from '../../shared/hooks/useListParams';
import type { SuggestionStatus } from '../../shared/labels/suggestion';
import { QueryState } from '../../shared/ui/QueryState';
import { useSuggestionList } from '../suggestion/suggestion.api';
import { SuggestionCard } from './SuggestionCard';

const tabs: { value: string; label: string }[] = [
  { value: '', label: '全部' },
  { value: 'draft', label: '草稿' },
  { value: 'returned', label: '退回修改' },
  { value: 'submitted', label: '待审核' },
  { value: 'assigned', label: '办理中' },
  { value: 'replied', label: '待测评' },
  { value: 'rehandling', label: '重新办理' },
  { value: 'closed', label: '已办结' },
];

/** 我的建议: those I lead and those I co-signed, newest change first. */
export function MySuggestionsPage() {
  const { page, pageSize, filters, setFilters, setPage } = useListParams(10);
  const list = useSuggestionList({
    page,
    pageSize,
    status: (filters.status || undefined) as SuggestionStatus | undefined,
    q: filters.q,
    sort: '-updated',
  });

  return (
    <div className="lx-page-narrow">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          我的建议
        </Typography.Title>
        <Link to="/deputy/new">
          <Button type="primary" icon={<PlusOutlined />}>
            写建议
          </Button>
        </Link>
      </Space>
      <div style={{ overflowX: 'auto', marginBottom: 8 }}>
        <Segmented value={filters.status ?? ''} options={tabs} onChange={(v) => setFilters({ status: String(v) })} />
      </div>
      <Input.Search
        aria-label="搜索我的建议"
        placeholder="搜索标题或正文"
        allowClear
        defaultValue={filters.q}
        onSearch={(q) => setFilters({ q })}
        style={{ marginBottom: 8 }}
      />
      <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => void list.refetch()}>
        <List
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          split={false}
          locale={{ emptyText: <Empty description="还没有建议" /> }}
          renderItem={(s) => (
            <List.Item style={{ padding: '4px 0' }}>
              <SuggestionCard s={s} to={`/deputy/suggestions/${s.id}`} />
            </List.Item>
          )}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            onChange: setPage,
            size: 'small',
            showTotal: (t) => `共${t}件`,
          }}
        />
      </QueryState>
    </div>
  );
}
