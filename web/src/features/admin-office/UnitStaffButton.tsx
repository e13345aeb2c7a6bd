import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import type { StaffAnswer, StaffList, UnitRecord } from '../../../../server/src/modules/administration/units.schemas';
import { roleLabels } from '../../shared/labels/roles';
import { FormModalButton } from '../../shared/ui/FormModalButton';
import { useAdminList, useAdminMutation } from './admin.api';

type StaffRow = StaffList['items'][number];
interface StaffValues {
  role: 'unit_handler' | 'unit_reviewer' | 'unit_signer';
  username: string;
  displayName: string;
  phone?: string;
  password?: string;
  existing?: boolean;
}

function StaffTable({ unit }: { unit: UnitRecord }) {
  const staff = useAdminList<StaffList>(`/units/${unit.id}/staff`);
  const act = useAdminMutation<StaffAnswer>();
  const [issued, setIssued] = useState<string | null>(null);
  return (
    <>
      {issued ? <Alert type="success" showIcon style={{ marginBottom: 8 }} message={issued} /> : null}
      {unit.retiredAt ? null : (
        <FormModalButton<StaffValues>
          label="增加人员"
          title={`${unit.name}：增加人员`}
          buttonProps={{ type: 'primary', size: 'small', style: { marginBottom: 8 } }}
          initialValues={{ role: 'unit_handler', existing: false }}
          onSubmit={async (v) => {
            const answer = await act.mutateAsync({
              path: `/units/${unit.id}/staff`,
              body: { ...v, phone: v.phone ?? '', password: v.password || undefined, existing: v.existing ?? false },
              done: '已增加人员',
            });
            setIssued(
              answer.generatedPassword
                ? `账号 ${answer.username} 的初始密码：${answer.generatedPassword}（只显示这一次，首次登录须修改）`
                : null,
            );
          }}
        >
          <Form.Item name="role" label="角色">
            <Select
              options={(['unit_handler', 'unit_reviewer', 'unit_signer'] as const).map((r) => ({
                value: r,
                label: roleLabels[r],
              }))}
            />
          </Form.Item>
          <Form.Item name="existing" label="给本单位已有账号增加此角色" valuePropName="checked">
            <Switch />
          </Form.Item>
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
          <Form.Item name="password" label="初始密码（不填则由系统生成）">
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </FormModalButton>
      )}
      <Table<StaffRow>
        rowKey="grantId"
        size="small"
        pagination={false}
        loading={staff.isLoading}
        dataSource={staff.data?.items ?? []}
        locale={{ emptyText: '尚无人员' }}
        columns={[
          { title: '姓名', dataIndex: 'displayName' },
          { title: '账号', dataIndex: 'username' },
          { title: '角色', render: (_, s) => roleLabels[s.role] },
          { title: '状态', render: (_, s) => (s.isActive ? <Tag color="green">正常</Tag> : <Tag>已停用</Tag>) },
          {
            title: '操作',
            render: (_, s) => (
              <Popconfirm
                title={`收回${s.displayName}的${roleLabels[s.role]}角色？`}
                okText="收回"
                cancelText="取消"
                onConfirm={() =>
                  act.mutateAsync({ path: `/units/${unit.id}/staff/${s.grantId}/remove`, done: '已收回角色' })
                }
              >
                <Button size="small">收回</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </>
  );
}

/** A unit's staff (经办人、审核人、签发人) in a dialog. */
export function UnitStaffButton({ unit }: { unit: UnitRecord }) {
  const [open, setOpen] = useState(false);
  return (
    <Space>
      <Button size="small" onClick={() => setOpen(true)}>
        人员（{unit.staffCount}）
      </Button>
      <Modal
        title={`${unit.name}的人员`}
        open={open}
        onCancel={() => setOpen(false)}
        footer={null}
        width={720}
        destroyOnHidden
      >
        <StaffTable unit={unit} />
      </Modal>
    </Space>
  );
}
