import { Button, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { NamedEntry, NamedList } from '../../../../server/src/modules/administration/admin.schemas';
import { QueryState } from '../../shared/ui/QueryState';
import { FormModalButton } from '../../shared/ui/FormModalButton';
import { useAdminList, useAdminMutation } from './admin.api';

function NameField({ label }: { label: string }) {
  return (
    <Form.Item name="name" label={`${label}名称`} rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
      <Input maxLength={60} />
    </Form.Item>
  );
}

/** One named list (代表团, 代表小组, 专门委员会): add, rename, retire; retired names stay for old records. */
export function RosterSection({ path, label }: { path: string; label: string }) {
  const list = useAdminList<NamedList>(`/${path}`);
  const act = useAdminMutation();
  return (
    <section aria-label={label} style={{ marginBottom: 24 }}>
      <Space style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
          {label}
        </Typography.Title>
        <FormModalButton<{ name: string }>
          label={`新建${label}`}
          title={`新建${label}`}
          buttonProps={{ size: 'small', type: 'primary' }}
          onSubmit={(v) => act.mutateAsync({ path: `/${path}`, body: v, done: `已新建${label}` })}
        >
          <NameField label={label} />
        </FormModalButton>
      </Space>
      <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => void list.refetch()}>
        <Table<NamedEntry>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: `尚无${label}` }}
          columns={[
            {
              title: '名称',
              render: (_, r) => (
                <Space>
                  {r.name}
                  {r.retiredAt ? <Tag>已停用</Tag> : null}
                </Space>
              ),
            },
            {
              title: '操作',
              width: 170,
              render: (_, r) =>
                r.retiredAt ? null : (
                  <Space>
                    <FormModalButton<{ name: string }>
                      label="改名"
                      title={`修改${label}名称`}
                      buttonProps={{ size: 'small' }}
                      initialValues={{ name: r.name }}
                      onSubmit={(v) =>
                        act.mutateAsync({ method: 'PUT', path: `/${path}/${r.id}`, body: v, done: '名称已修改' })
                      }
                    >
                      <NameField label={label} />
                    </FormModalButton>
                    <Popconfirm
                      title={`停用「${r.name}」？`}
                      description="停用后不能再选用，已有记录保留原名称。"
                      okText="停用"
                      cancelText="取消"
                      onConfirm={() =>
                        act.mutateAsync({ path: `/${path}/${r.id}/retire`, done: `「${r.name}」已停用` })
                      }
                    >
                      <Button size="small">停用</Button>
                    </Popconfirm>
                  </Space>
                ),
            },
          ]}
        />
      </QueryState>
    </section>
  );
}
