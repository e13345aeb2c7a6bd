import { Alert, Form, Modal } from 'antd';
import { errorText } from '../../shared/api/client';
import { notifySuccess } from '../../shared/api/notify';
import { useChangePassword, useMe } from './auth.api';
import { PasswordFields, type PasswordValues } from './PasswordFields';

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<PasswordValues>();
  const change = useChangePassword();
  const username = useMe().data?.user.username ?? '';

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
        <PasswordFields username={username} />
      </Form>
    </Modal>
  );
}
