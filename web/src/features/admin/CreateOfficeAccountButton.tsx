import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { passwordRule } from '../../../../server/src/platform/auth/password-rule';
import { FormModalButton } from '../../shared/ui/FormModalButton';
import { useCreateOfficeAccount, type CongressNode, type CreatedOfficeAccount } from './admin.api';

interface Values {
  username: string;
  displayName: string;
  password?: string;
}

/** 新建联工委账号 of one congress; a generated password is shown once, here. */
export function CreateOfficeAccountButton({ congress }: { congress: CongressNode }) {
  const create = useCreateOfficeAccount();
  const [created, setCreated] = useState<CreatedOfficeAccount | null>(null);
  return (
    <>
      <FormModalButton<Values>
        label="新建联工委账号"
        title={`为「${congress.name}」新建联工委账号`}
        okText="新建"
        buttonProps={{ size: 'small', 'aria-label': `为${congress.name}新建联工委账号` }}
        onSubmit={async (v) => {
          const account = await create.mutateAsync({
            congressId: congress.id,
            username: v.username,
            displayName: v.displayName,
            ...(v.password ? { password: v.password } : {}),
          });
          setCreated(account);
        }}
      >
        <Form.Item
          name="username"
          label="用户名"
          extra="字母、数字、下划线、点或连字符"
          rules={[
            { required: true, message: '请填写用户名' },
            { pattern: /^[A-Za-z0-9_.-]{3,64}$/, message: '用户名应为3至64个字母、数字、下划线、点或连字符' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label="姓名或部门"
          rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="password" label="初始密码" extra={`可留空，由系统生成；${passwordRule}。首次登录后须修改。`}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </FormModalButton>
      <Modal
        title="联工委账号已创建"
        open={created !== null}
        onOk={() => setCreated(null)}
        onCancel={() => setCreated(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText="我已记下"
      >
        {created ? (
          <>
            <Typography.Paragraph>
              用户名：<Typography.Text code>{created.username}</Typography.Text>（{created.displayName}）
            </Typography.Paragraph>
            {created.initialPassword ? (
              <Alert
                type="warning"
                showIcon
                message={
                  <>
                    初始密码：
                    <Typography.Text code copyable>
                      {created.initialPassword}
                    </Typography.Text>
                  </>
                }
                description="只显示这一次，请当面或以安全的方式转交；账号持有人首次登录后须修改密码。"
              />
            ) : (
              <Alert type="info" showIcon message="使用您填写的初始密码登录；首次登录后须修改密码。" />
            )}
          </>
        ) : null}
      </Modal>
    </>
  );
}
