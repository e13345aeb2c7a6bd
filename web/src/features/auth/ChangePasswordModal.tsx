import { Alert, Form, Input, Modal } from 'antd';
import { errorText } from '../../shared/api/client';
import { notifySuccess } from '../../shared/api/notify';
import { useChangePassword } from './auth.api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Mirrors the server's rule (8+ characters, letters and digits) so the form says it first. */
export function passwordProblem(value: string): string | null {
  if (value.length < 8) return '新密码至少8位';
  if (value.length > 128) return '新密码不能超过128位';
  if (!/[A-Za-z]/.test(value) || !/\d/.test(value)) return '新密码须同时包含字母和数字';
  return null;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  const close = () => {
    form.resetFields();
    change.reset();
    onClose();
  };

  const submit = async () => {
    const values = await form.validateFields();
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          notifySuccess('密码已修改，其他设备上的登录已退出');
          close();
        },
      },
    );
  };

  return (
    <Modal
      title="修改密码"
      open={open}
      onOk={() => void submit()}
      onCancel={close}
      okText="确认修改"
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      {change.error ? (
        <Alert type="error" showIcon message={errorText(change.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="currentPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra="至少8位，须同时包含字母和数字"
          rules={[
            { required: true, message: '请输入新密码' },
            {
              validator: (_, v: string | undefined) => {
                const p = passwordProblem(v ?? '');
                return p ? Promise.reject(new Error(p)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) =>
                v === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
