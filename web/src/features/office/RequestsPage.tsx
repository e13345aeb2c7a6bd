import { DatePicker, Form, Radio, Select, Space, Table, Tabs, Tag, Typography, type TablePaginationConfig } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../shared/format/date';
import { requestStatusLabels, labelOf } from '../../shared/labels/suggestion';
import { FormModalButton } from '../../shared/ui/FormModalButton';
import { useSessions } from '../suggestion/directory.api';
import { useSuggestionMutation } from '../suggestion/suggestion.api';
import { picksOf, type UnitPickValues } from '../suggestion/UnitPicker';
import { ExtensionRulingFields, RulingFields } from './RulingFields';
import { useRequestQueues, type ExtensionRow, type Paging, type ReassignmentRow } from './requests.api';

const statusTag = (s: string) => (
  <Tag color={s === 'pending' ? 'orange' : s === 'accepted' || s === 'granted' ? 'green' : 'red'}>
    {labelOf(requestStatusLabels, s)}
  </Tag>
);

function ReassignmentTable({
  rows,
  loading,
  pager,
}: {
  rows: ReassignmentRow[];
  loading: boolean;
  pager: TablePaginationConfig;
}) {
  const act = useSuggestionMutation();
  return (
    <Table<ReassignmentRow>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      scroll={{ x: 900 }}
      pagination={pager}
      columns={[
        {
          title: '建议',
          render: (_, r) => (
            <Link to={`/office/suggestions/${r.suggestionId}`}>
              {r.numberLabel} {r.title}
            </Link>
          ),
        },
        {
          title: '申请人',
          width: 200,
          render: (_, r) =>
            r.requesterKind === 'deputy'
              ? `${r.requesterName}（代表）`
              : `${r.requestingUnitName ?? '承办单位'}（${r.requesterName}）`,
        },
        { title: '理由', dataIndex: 'reason' },
        { title: '建议改由', width: 180, render: (_, r) => r.proposedUnitNames.join('、') || '—' },
        { title: '申请日期', width: 130, render: (_, r) => formatDate(r.createdAt) },
        { title: '状态', width: 90, render: (_, r) => statusTag(r.status) },
        {
          title: '决定',
          width: 120,
          fixed: 'right',
          render: (_, r) =>
            r.status !== 'pending' ? (
              (r.rulingReason ?? '—')
            ) : (
              <FormModalButton<UnitPickValues & { accept: boolean; reason?: string }>
                label="作出决定"
                title="对调整申请作出决定"
                buttonProps={{ size: 'small', type: 'primary' }}
                initialValues={{ accept: true, mode: 'sole', soleUnitId: r.proposedUnitIds[0] }}
                width={640}
                onSubmit={(x) =>
                  act.mutateAsync({
                    path: `/reassignment-requests/${r.id}/ruling`,
                    body: x.accept
                      ? { accept: true, reason: (x.reason ?? '').trim(), ...picksOf(x), version: r.version }
                      : { accept: false, reason: (x.reason ?? '').trim(), version: r.version },
                    done: x.accept ? '已同意调整，新承办单位的期限重新计算' : '已不同意调整',
                  })
                }
              >
                <Typography.Paragraph>申请理由：{r.reason}</Typography.Paragraph>
                <RulingFields />
              </FormModalButton>
            ),
        },
      ]}
    />
  );
}

function ExtensionTable({
  rows,
  loading,
  pager,
}: {
  rows: ExtensionRow[];
  loading: boolean;
  pager: TablePaginationConfig;
}) {
  const act = useSuggestionMutation();
  return (
    <Table<ExtensionRow>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      scroll={{ x: 900 }}
      pagination={pager}
      columns={[
        {
          title: '建议',
          render: (_, r) => (
            <Link to={`/office/suggestions/${r.suggestionId}`}>
              {r.numberLabel} {r.title}
            </Link>
          ),
        },
        { title: '承办单位', dataIndex: 'unit_name', width: 180 },
        { title: '现答复期限', width: 130, render: (_, r) => formatDate(r.replyDue) },
        { title: '申请延至', width: 130, render: (_, r) => formatDate(r.requestedDue) },
        { title: '理由', dataIndex: 'reason' },
        { title: '状态', width: 90, render: (_, r) => statusTag(r.status) },
        {
          title: '决定',
          width: 120,
          fixed: 'right',
          render: (_, r) =>
            r.status !== 'pending' ? (
              (r.rulingReason ?? '—')
            ) : (
              <FormModalButton<{ grant: boolean; reason?: string }>
                label="作出决定"
                title="对延期申请作出决定"
                buttonProps={{ size: 'small', type: 'primary' }}
                initialValues={{ grant: true }}
                onSubmit={(x) =>
                  act.mutateAsync({
                    path: `/extension-requests/${r.id}/ruling`,
                    body: { grant: x.grant, reason: (x.reason ?? '').trim() },
                    done: x.grant ? `已同意延期至${formatDate(r.requestedDue)}` : '已不同意延期',
                  })
                }
              >
                <Typography.Paragraph>
                  最迟不得超过{formatDate(r.replyDueLatest)}（交办之日起六个月）。
                </Typography.Paragraph>
                <ExtensionRulingFields />
              </FormModalButton>
            ),
        },
      ]}
    />
  );
}

function WindowButton() {
  const sessions = useSessions();
  const act = useSuggestionMutation();
  return (
    <FormModalButton<{ sessionId: number; until: Dayjs }>
      label="统一延长调整申请期限"
      title="统一延长调整申请期限"
      initialValues={{ sessionId: sessions.data?.find((s) => s.isCurrent)?.id }}
      onSubmit={(v) =>
        act.mutateAsync({
          path: `/sessions/${v.sessionId}/reassignment-window`,
          body: { until: v.until.format('YYYY-MM-DD') },
          done: `调整申请期限已延长至${formatDate(v.until.format('YYYY-MM-DD'))}`,
        })
      }
    >
      <Form.Item name="sessionId" label="会议" rules={[{ required: true, message: '请选择会议' }]}>
        <Select options={(sessions.data ?? []).map((s) => ({ value: s.id, label: s.label }))} />
      </Form.Item>
      <Form.Item name="until" label="延长至" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModalButton>
  );
}

const pagerOf = (
  p: Paging,
  total: number | undefined,
  onChange: (page: number, pageSize: number) => void,
): TablePaginationConfig => ({
  current: p.page,
  pageSize: p.pageSize,
  total: total ?? 0,
  showSizeChanger: true,
  showTotal: (t) => `共${t}件`,
  onChange,
});

/** 调整与延期: the requests the office rules on. */
export function RequestsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'reassignments';
  const status = params.get('status') ?? 'pending';
  const paging = (prefix: string): Paging => ({
    page: Number(params.get(`${prefix}Page`)) || 1,
    pageSize: Number(params.get(`${prefix}PageSize`)) || 20,
  });
  const rp = paging('r');
  const ep = paging('e');
  const q = useRequestQueues(status === 'all' ? undefined : status, rp, ep);
  const set = (k: string, v: string) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      n.set(k, v);
      if (k === 'status') {
        n.delete('rPage');
        n.delete('ePage');
      }
      return n;
    });
  const setPaging = (prefix: string) => (page: number, pageSize: number) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      n.set(`${prefix}Page`, String(page));
      n.set(`${prefix}PageSize`, String(pageSize));
      return n;
    });
  return (
    <div className="lx-page">
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        调整与延期
      </Typography.Title>
      <Space wrap style={{ marginBottom: 8 }}>
        <Radio.Group
          value={status}
          onChange={(e) => set('status', String(e.target.value))}
          optionType="button"
          options={[
            { value: 'pending', label: '待处理' },
            { value: 'all', label: '全部' },
          ]}
        />
        <WindowButton />
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(k) => set('tab', k)}
        items={[
          {
            key: 'reassignments',
            label: `调整申请（${q.reassignments.data?.total ?? 0}）`,
            children: (
              <ReassignmentTable
                rows={q.reassignments.data?.items ?? []}
                loading={q.reassignments.isFetching}
                pager={pagerOf(rp, q.reassignments.data?.total, setPaging('r'))}
              />
            ),
          },
          {
            key: 'extensions',
            label: `延期申请（${q.extensions.data?.total ?? 0}）`,
            children: (
              <ExtensionTable
                rows={q.extensions.data?.items ?? []}
                loading={q.extensions.isFetching}
                pager={pagerOf(ep, q.extensions.data?.total, setPaging('e'))}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
