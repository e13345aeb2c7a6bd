import { Button, Form, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { dictionaryKindLabels } from '../../../../server/src/modules/administration/administration.labels';
import type { DictionaryList, DictionaryRecord } from '../../../../server/src/modules/administration/catalogue.schemas';
import { FormModalButton } from '../../shared/ui/FormModalButton';
import { QueryState } from '../../shared/ui/QueryState';
import { AdminFrame } from './AdminFrame';
import { useAdminList, useAdminMutation } from './admin.api';

type Kind = keyof typeof dictionaryKindLabels;
interface EntryValues {
  kind: Kind;
  term: string;
  note?: string;
}

const kindOptions = (Object.keys(dictionaryKindLabels) as Kind[]).map((value) => ({
  value,
  label: dictionaryKindLabels[value],
}));

function EntryFields() {
  return (
    <>
      <Form.Item name="kind" label="类别">
        <Select options={kindOptions} />
      </Form.Item>
      <Form.Item name="term" label="词条" rules={[{ required: true, whitespace: true, message: '请填写词条' }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="note" label="说明">
        <Input maxLength={200} />
      </Form.Item>
    </>
  );
}

/** 词典: the congress's own place and unit names, which search and routing read. */
export function DictionaryPage() {
  const [kind, setKind] = useState<Kind | undefined>();
  const entries = useAdminList<DictionaryList>('/dictionary', { kind });
  const act = useAdminMutation();
  const body = (v: EntryValues) => ({ kind: v.kind, term: v.term, note: v.note ?? '' });
  return (
    <AdminFrame
      title="词典"
      extra={
        <FormModalButton<EntryValues>
          label="新增词条"
          title="新增词条"
          buttonProps={{ type: 'primary' }}
          initialValues={{ kind: 'place' }}
          onSubmit={(v) => act.mutateAsync({ path: '/dictionary', body: body(v), done: '已新增词条' })}
        >
          <EntryFields />
        </FormModalButton>
      }
    >
      <Typography.Paragraph type="secondary">
        本地的地名、单位名称等词条，检索建议和推荐承办单位时据此识别。
      </Typography.Paragraph>
      <Select
        aria-label="类别"
        allowClear
        placeholder="全部类别"
        style={{ width: 160, marginBottom: 12 }}
        value={kind}
        onChange={(k?: Kind) => setKind(k)}
        options={kindOptions}
      />
      <QueryState isLoading={entries.isLoading} error={entries.error} onRetry={() => void entries.refetch()}>
        <Table<DictionaryRecord>
          rowKey="id"
          size="small"
          dataSource={entries.data?.items ?? []}
          pagination={{ pageSize: 50 }}
          locale={{ emptyText: <Typography.Text>词典尚无词条</Typography.Text> }}
          columns={[
            { title: '词条', dataIndex: 'term' },
            { title: '类别', width: 110, render: (_, e) => dictionaryKindLabels[e.kind] },
            { title: '说明', dataIndex: 'note' },
            {
              title: '操作',
              width: 160,
              render: (_, e) => (
                <Space>
                  <FormModalButton<EntryValues>
                    label="修改"
                    title="修改词条"
                    buttonProps={{ size: 'small' }}
                    initialValues={e}
                    onSubmit={(v) =>
                      act.mutateAsync({ method: 'PUT', path: `/dictionary/${e.id}`, body: body(v), done: '词条已修改' })
                    }
                  >
                    <EntryFields />
                  </FormModalButton>
                  <Popconfirm
                    title={`删除词条「${e.term}」？`}
                    okText="删除"
                    cancelText="取消"
                    onConfirm={() =>
                      act.mutateAsync({ method: 'DELETE', path: `/dictionary/${e.id}`, done: '词条已删除' })
                    }
                  >
                    <Button size="small">删除</Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </QueryState>
    </AdminFrame>
  );
}
