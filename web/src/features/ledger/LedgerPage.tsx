import { Button, Card, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../shared/format/date';
import { useListParams } from '../../shared/hooks/useListParams';
import { DueDate } from '../../shared/ui/DueDate';
import { QueryState } from '../../shared/ui/QueryState';
import { TextPromptModal } from '../../shared/ui/TextPromptModal';
import { useFulfilPromise, usePromises, useReportProgress, type PromiseItem } from './ledger.api';

interface Props {
  /** unit: reports progress; office: marks done (销号). */
  mode: 'unit' | 'office' | 'read';
  /** Where a suggestion's page lives in this workspace. */
  suggestionPath: (id: number) => string;
}

/** 承诺台账: every B-class (and A2) promise, followed until the office marks it done. */
export function LedgerPage({ mode, suggestionPath }: Props) {
  const { page, pageSize, filters, setFilters, setPage } = useListParams();
  const status = filters.status ?? 'open';
  const list = usePromises({ page, pageSize, status });
  const report = useReportProgress();
  const fulfil = useFulfilPromise();
  const [progressFor, setProgressFor] = useState<PromiseItem | null>(null);
  const [fulfilFor, setFulfilFor] = useState<PromiseItem | null>(null);

  return (
    <div className="lx-page">
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        承诺事项台账
      </Typography.Title>
      <Segmented
        value={status}
        onChange={(v) => setFilters({ status: String(v) })}
        options={[
          { value: 'open', label: '跟踪中' },
          { value: 'fulfilled', label: '已销号' },
        ]}
        style={{ marginBottom: 12 }}
      />
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
              <Card
                size="small"
                style={{ width: '100%' }}
                title={
                  <Link to={suggestionPath(p.suggestionId)}>
                    {p.suggestionNumber} {p.suggestionTitle}
                  </Link>
                }
                extra={<Tag color="blue">{p.classCode}类</Tag>}
              >
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Typography.Text>承办单位：{p.unitName}</Typography.Text>
                  {p.doneText ? <Typography.Text>已经做的：{p.doneText}</Typography.Text> : null}
                  <Typography.Text>计划做的：{p.plannedText || '—'}</Typography.Text>
                  {p.notDoneReason ? <Typography.Text>不能做的及原因：{p.notDoneReason}</Typography.Text> : null}
                  <Typography.Text>
                    目标日期：
                    <DueDate due={p.targetOn} done={p.status === 'fulfilled'} nearDays={60} />
                  </Typography.Text>
                  {p.progress.map((x, i) => (
                    <Typography.Text key={i} type="secondary">
                      {formatDateTime(x.reportedAt)} 进展：{x.progress}
                    </Typography.Text>
                  ))}
                  {p.status === 'fulfilled' ? (
                    <Typography.Text type="success">
                      {formatDate(p.fulfilledAt)} 销号：{p.fulfilNote}
                    </Typography.Text>
                  ) : (
                    <Space>
                      {mode === 'unit' ? <Button onClick={() => setProgressFor(p)}>报告进展</Button> : null}
                      {mode === 'office' ? (
                        <Button type="primary" onClick={() => setFulfilFor(p)}>
                          销号
                        </Button>
                      ) : null}
                    </Space>
                  )}
                </Space>
              </Card>
            </List.Item>
          )}
        />
      </QueryState>
      <TextPromptModal
        open={progressFor !== null}
        title="报告承诺事项进展"
        label="进展情况"
        maxLength={4000}
        pending={report.isPending}
        onClose={() => setProgressFor(null)}
        onSubmit={(progress) =>
          progressFor && report.mutate({ id: progressFor.id, progress }, { onSuccess: () => setProgressFor(null) })
        }
      />
      <TextPromptModal
        open={fulfilFor !== null}
        title="承诺事项销号"
        label="销号说明"
        okText="确认销号"
        pending={fulfil.isPending}
        onClose={() => setFulfilFor(null)}
        onSubmit={(note) =>
          fulfilFor && fulfil.mutate({ id: fulfilFor.id, note }, { onSuccess: () => setFulfilFor(null) })
        }
      />
    </div>
  );
}
