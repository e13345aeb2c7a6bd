import { Alert, DatePicker, Form, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { DeputyPage, DeputyRecord } from '../../../../server/src/modules/administration/deputies.schemas';
import type { TermList } from '../../../../server/src/modules/administration/sessions.schemas';
import { deputyStatusLabels } from '../../../../server/src/modules/administration/administration.labels';
import { FormModalButton } from '../../shared/ui/FormModalButton';
import { QueryState } from '../../shared/ui/QueryState';
import { AdminFrame } from './AdminFrame';
import { dayOf, useAdminList, useAdminMutation } from './admin.api';
import { DeputyFields, deputyBody, type DeputyValues } from './DeputyFields';

interface NewDeputyValues extends DeputyValues {
  termId: number;
  accountKind: 'new' | 'existing';
  username: string;
  password?: string;
}

const genderText = { '': '—', male: '男', female: '女' } as const;

/** 代表: the roster with private particulars, new deputies with their logins, and leaving. */
export function DeputiesAdminPage() {
  const [query, setQuery] = useState({ q: '', status: undefined as string | undefined, page: 1, pageSize: 50 });
  const deputies = useAdminList<DeputyPage>('/deputies', query);
  const terms = useAdminList<TermList>('/terms');
  const act = useAdminMutation<{ generatedPassword: string | null; username: string | null }>();
  const [issued, setIssued] = useState<{ username: string; password: string } | null>(null);
  const termOptions = (terms.data?.items ?? []).map((t) => ({ value: t.id, label: `第${t.ordinal}届` }));

  return (
    <AdminFrame
      title="代表"
      extra={
        <FormModalButton<NewDeputyValues>
          label="新增代表"
          title="新增代表"
          buttonProps={{ type: 'primary' }}
          width={640}
          initialValues={{ accountKind: 'new', termId: terms.data?.items[0]?.id }}
          onSubmit={async (v) => {
            const answer = await act.mutateAsync({
              path: '/deputies',
              body: {
                termId: v.termId,
                ...deputyBody(v),
                account:
                  v.accountKind === 'new'
                    ? { kind: 'new', username: v.username, password: v.password ?? '' }
                    : { kind: 'existing', username: v.username },
              },
              done: '已新增代表',
            });
            setIssued(answer.generatedPassword ? { username: v.username, password: answer.generatedPassword } : null);
          }}
        >
          <Form.Item name="termId" label="届" rules={[{ required: true, message: '请选择届' }]}>
            <Select options={termOptions} />
          </Form.Item>
          <DeputyFields />
          <Form.Item name="accountKind" label="登录账号">
            <Radio.Group
              options={[
                { value: 'new', label: '新建账号' },
                { value: 'existing', label: '关联此人在其他人大的代表账号' },
              ]}
            />
          </Form.Item>
          <Form.Item name="username" label="登录账号名" rules={[{ required: true, message: '请填写登录账号' }]}>
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a: NewDeputyValues, b: NewDeputyValues) => a.accountKind !== b.accountKind}>
            {({ getFieldValue }) =>
              getFieldValue('accountKind') === 'new' ? (
                <Form.Item name="password" label="初始密码（不填则由系统生成；代表首次登录须修改）">
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
              ) : (
                <Typography.Paragraph type="secondary">
                  关联已有账号时，身份证号码须与此人在其他人大登记的一致。
                </Typography.Paragraph>
              )
            }
          </Form.Item>
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
          message={`账号 ${issued.username} 的初始密码：${issued.password}`}
          description="此密码只显示这一次，请转交代表本人；代表首次登录须修改。"
        />
      ) : null}
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="按姓名或拼音查找"
          placeholder="姓名或拼音"
          allowClear
          onSearch={(q) => setQuery({ ...query, q, page: 1 })}
          style={{ width: 220 }}
        />
        <Select
          aria-label="状态"
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          value={query.status}
          onChange={(status?: string) => setQuery({ ...query, status, page: 1 })}
          options={Object.entries(deputyStatusLabels).map(([value, label]) => ({ value, label }))}
        />
      </Space>
      <QueryState isLoading={deputies.isLoading} error={deputies.error} onRetry={() => void deputies.refetch()}>
        <Table<DeputyRecord>
          rowKey="id"
          size="small"
          dataSource={deputies.data?.items ?? []}
          scroll={{ x: 1460 }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: deputies.data?.total ?? 0,
            showTotal: (n) => `共${n}名`,
            onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
          }}
          columns={[
            { title: '姓名', width: 100, dataIndex: 'name', fixed: 'left' },
            { title: '性别', width: 60, render: (_, d) => genderText[d.gender] },
            { title: '民族', width: 80, dataIndex: 'ethnicity' },
            { title: '代表团', width: 130, render: (_, d) => d.delegationName ?? '—' },
            { title: '代表小组', width: 130, render: (_, d) => d.deputyGroupName ?? '—' },
            { title: '职业', width: 160, dataIndex: 'occupation' },
            { title: '电话', width: 120, dataIndex: 'phone' },
            { title: '身份证号码', width: 170, dataIndex: 'idNumber' },
            { title: '账号', width: 110, render: (_, d) => d.username ?? '—' },
            {
              title: '状态',
              width: 150,
              render: (_, d) =>
                d.status === 'serving' ? (
                  <Tag color="green">在任</Tag>
                ) : (
                  <Tag>
                    {deputyStatusLabels[d.status]}
                    {d.statusOn ? `（${d.statusOn}）` : ''}
                  </Tag>
                ),
            },
            { title: '领衔建议', width: 80, dataIndex: 'suggestionCount' },
            {
              title: '操作',
              width: 150,
              fixed: 'right',
              render: (_, d) => (
                <Space>
                  <FormModalButton<DeputyValues>
                    label="修改"
                    title={`修改代表信息：${d.name}`}
                    buttonProps={{ size: 'small' }}
                    width={640}
                    initialValues={{ ...d, namePinyin: d.namePinyin }}
                    onSubmit={(v) =>
                      act.mutateAsync({
                        method: 'PUT',
                        path: `/deputies/${d.id}`,
                        body: deputyBody(v),
                        done: '代表信息已修改',
                      })
                    }
                  >
                    <DeputyFields />
                  </FormModalButton>
                  {d.status === 'serving' ? (
                    <FormModalButton<{ status: string; on: Dayjs }>
                      label="离任"
                      title={`${d.name}离任`}
                      buttonProps={{ size: 'small' }}
                      initialValues={{ status: 'term_ended' }}
                      onSubmit={(v) =>
                        act.mutateAsync({
                          path: `/deputies/${d.id}/leave`,
                          body: { status: v.status, on: dayOf(v.on) },
                          done: `${d.name}已离任，其建议保留`,
                        })
                      }
                    >
                      <Form.Item name="status" label="离任原因">
                        <Radio.Group
                          options={(['term_ended', 'resigned', 'removed'] as const).map((value) => ({
                            value,
                            label: deputyStatusLabels[value],
                          }))}
                        />
                      </Form.Item>
                      <Form.Item name="on" label="离任日期" rules={[{ required: true, message: '请选择离任日期' }]}>
                        <DatePicker style={{ width: '100%' }} />
                      </Form.Item>
                      <Typography.Paragraph type="secondary">离任后代表记录和其提出的建议都保留。</Typography.Paragraph>
                    </FormModalButton>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </QueryState>
    </AdminFrame>
  );
}
