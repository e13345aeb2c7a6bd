import { Alert, Button, Form, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type {
  AccountAnswer,
  AccountPage,
  AccountRecord,
} from '../../../../server/src/modules/administration/accounts.schemas';
import { roleLabels } from '../../shared/labels/roles';
import { FormModalButton } from '../../shared/ui/FormModalButton';
import { QueryState } from '../../shared/ui/QueryState';
import { UnlockAccountButton } from '../auth/UnlockAccountButton';
import { AdminFrame } from './AdminFrame';
import { useAdminList, useAdminMutation } from './admin.api';
import { GrantFields, grantBody, type GrantValues } from './GrantFields';

interface NewAccountValues extends GrantValues {
  username: string;
  displayName: string;
  phone?: string;
  password?: string;
}

const controlNote = '该账号在其他人大也有角色，其密码和停用须由系统管理员办理';

/** 账号与权限: accounts of the congress, their roles with scope, password reset and disabling. */
export function AccountsAdminPage() {
  const [query, setQuery] = useState({ q: '', page: 1, pageSize: 50 });
  const accounts = useAdminList<AccountPage>('/accounts', query);
  const act = useAdminMutation<AccountAnswer>();
  const [issued, setIssued] = useState<string | null>(null);
  const show = (a: AccountAnswer) =>
    setIssued(
      a.generatedPassword
        ? `账号 ${a.username} 的密码：${a.generatedPassword}（只显示这一次，持有人登录后须修改）`
        : null,
    );

  return (
    <AdminFrame
      title="账号与权限"
      extra={
        <FormModalButton<NewAccountValues>
          label="新建账号"
          title="新建账号"
          buttonProps={{ type: 'primary' }}
          onSubmit={async (v) =>
            show(
              await act.mutateAsync({
                path: '/accounts',
                body: {
                  username: v.username,
                  displayName: v.displayName,
                  phone: v.phone ?? '',
                  password: v.password || undefined,
                  grant: grantBody(v),
                },
                done: '已新建账号',
              }),
            )
          }
        >
          <Form.Item name="username" label="登录账号" rules={[{ required: true, message: '请填写登录账号' }]}>
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label="姓名"
            rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
          >
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="phone" label="电话">
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="password" label="初始密码（不填则由系统生成；首次登录须修改）">
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <GrantFields />
        </FormModalButton>
      }
    >
      {issued ? (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setIssued(null)}
          style={{ marginBottom: 12 }}
          message={issued}
        />
      ) : null}
      <Input.Search
        aria-label="按账号或姓名查找"
        placeholder="账号或姓名"
        allowClear
        onSearch={(q) => setQuery({ ...query, q, page: 1 })}
        style={{ width: 240, marginBottom: 12 }}
      />
      <QueryState isLoading={accounts.isLoading} error={accounts.error} onRetry={() => void accounts.refetch()}>
        <Table<AccountRecord>
          rowKey="id"
          size="small"
          dataSource={accounts.data?.items ?? []}
          scroll={{ x: 1000 }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: accounts.data?.total ?? 0,
            showTotal: (n) => `共${n}个账号`,
            onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
          }}
          columns={[
            { title: '账号', width: 140, dataIndex: 'username' },
            { title: '姓名', width: 120, dataIndex: 'displayName' },
            {
              title: '角色（本级人大）',
              render: (_, a) => (
                <Space wrap size={4}>
                  {a.grants.map((g) => (
                    <Popconfirm
                      key={g.id}
                      title={`收回「${roleLabels[g.role]}${g.scopeName ? `（${g.scopeName}）` : ''}」？`}
                      description="以该角色登录的会话立即结束。"
                      okText="收回"
                      cancelText="取消"
                      onConfirm={() =>
                        act.mutateAsync({ path: `/accounts/${a.id}/grants/${g.id}/revoke`, done: '已收回角色' })
                      }
                    >
                      <Tag
                        style={{ cursor: 'pointer' }}
                        role="button"
                        tabIndex={0}
                        aria-label={`收回角色：${roleLabels[g.role]}`}
                      >
                        {roleLabels[g.role]}
                        {g.scopeName ? `（${g.scopeName}）` : ''} ×
                      </Tag>
                    </Popconfirm>
                  ))}
                </Space>
              ),
            },
            {
              title: '状态',
              width: 120,
              render: (_, a) => (
                <Space size={4} wrap>
                  {a.isActive ? <Tag color="green">正常</Tag> : <Tag color="red">已停用</Tag>}
                  {a.mustChangePassword ? <Tag color="orange">待改密码</Tag> : null}
                </Space>
              ),
            },
            {
              title: '操作',
              width: 280,
              render: (_, a) => (
                <Space wrap>
                  <FormModalButton<GrantValues>
                    label="授予角色"
                    title={`授予角色：${a.displayName}`}
                    buttonProps={{ size: 'small' }}
                    onSubmit={(v) =>
                      act.mutateAsync({ path: `/accounts/${a.id}/grants`, body: grantBody(v), done: '已授予角色' })
                    }
                  >
                    <GrantFields />
                  </FormModalButton>
                  <UnlockAccountButton userId={a.id} name={a.displayName} />
                  {a.hasGrantsElsewhere ? (
                    <Tag title={controlNote}>跨级账号</Tag>
                  ) : (
                    <>
                      <Popconfirm
                        title={`重置${a.displayName}的密码？`}
                        description="系统生成新密码并只显示一次；其会话全部结束，登录后须修改密码。"
                        okText="重置"
                        cancelText="取消"
                        onConfirm={async () =>
                          show(
                            await act.mutateAsync({
                              path: `/accounts/${a.id}/password-reset`,
                              body: {},
                              done: '密码已重置',
                            }),
                          )
                        }
                      >
                        <Button size="small">重置密码</Button>
                      </Popconfirm>
                      {a.isActive ? (
                        <Popconfirm
                          title={`停用${a.displayName}的账号？`}
                          description="其会话立即结束，不能再登录。"
                          okText="停用"
                          cancelText="取消"
                          onConfirm={() => act.mutateAsync({ path: `/accounts/${a.id}/disable`, done: '账号已停用' })}
                        >
                          <Button size="small">停用</Button>
                        </Popconfirm>
                      ) : (
                        <Button
                          size="small"
                          onClick={() => act.mutate({ path: `/accounts/${a.id}/enable`, done: '账号已启用' })}
                        >
                          启用
                        </Button>
                      )}
                    </>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </QueryState>
    </AdminFrame>
  );
}
