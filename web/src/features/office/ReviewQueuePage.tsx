import { Button, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { FormModalButton } from '../../shared/ui/FormModalButton';
import { QueryState } from '../../shared/ui/QueryState';
import { useSuggestionMutation } from '../suggestion/suggestion.api';
import { SuggestionFilters } from '../suggestion/SuggestionFilters';
import { SuggestionTable } from '../suggestion/SuggestionTable';
import type { SuggestionListItem } from '../suggestion/suggestion.types';
import { useSuggestionTable } from '../suggestion/useSuggestionTable';

function ReviewButtons({ s }: { s: SuggestionListItem }) {
  const act = useSuggestionMutation();
  const post = (path: string, body: object, done: string) =>
    act.mutateAsync({ path: `/suggestions/${s.id}/${path}`, body: { ...body, version: s.version }, done });
  return (
    <Space size={4} wrap>
      <Popconfirm
        title="立案并编号？"
        okText="立案"
        onConfirm={() => void post('register', {}, `已立案：${s.title}`).catch(() => undefined)}
      >
        <Button size="small" type="primary">
          立案
        </Button>
      </Popconfirm>
      <FormModalButton<{ comment: string }>
        label="退回"
        title="退回代表修改"
        okText="退回"
        buttonProps={{ size: 'small' }}
        onSubmit={(v) => post('return', { comment: v.comment.trim() }, '已退回代表修改')}
      >
        <Form.Item
          name="comment"
          label="退回意见"
          rules={[{ required: true, whitespace: true, message: '请填写退回意见' }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </FormModalButton>
      <FormModalButton<{ reason: string }>
        label="不予立案"
        title="不予立案"
        okText="不予立案"
        buttonProps={{ size: 'small', danger: true }}
        onSubmit={(v) => post('decline', { reason: v.reason.trim() }, '已作不予立案处理')}
      >
        <Form.Item
          name="reason"
          label="不予立案理由"
          rules={[{ required: true, whitespace: true, message: '请填写不予立案理由' }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </FormModalButton>
    </Space>
  );
}

/** 审核立案: submitted suggestions, oldest first. */
export function ReviewQueuePage() {
  const t = useSuggestionTable({ status: 'submitted' }, 'submitted');
  return (
    <div className="lx-page">
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        审核立案
      </Typography.Title>
      <SuggestionFilters filters={t.filters} setFilters={t.setFilters} show={['q', 'sessionId', 'categoryCode']} />
      <QueryState isLoading={t.list.isLoading} error={t.list.error} onRetry={() => void t.list.refetch()}>
        <SuggestionTable
          {...t.tableProps}
          linkTo={(s) => `/office/suggestions/${s.id}`}
          extraColumns={[
            { key: 'act', title: '审核', fixed: 'right', width: 220, render: (_, s) => <ReviewButtons s={s} /> },
          ]}
        />
      </QueryState>
    </div>
  );
}
