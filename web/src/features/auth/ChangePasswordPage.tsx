import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Typography } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { errorText } from '../../shared/api/client';
import { notifySuccess } from '../../shared/api/notify';
import { PageSpinner } from '../../shared/ui/Lazy';
import { meKey, useChangePassword, useLogout, useMe } from './auth.api';
import { homeOf } from './home';
import { PasswordFields, type PasswordValues } from './PasswordFields';

/** /password: a password an administrator set is changed here before anything else opens. */
export default function ChangePasswordPage() {
  const me = useMe();
  const change = useChangePassword();
  const logout = useLogout();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PasswordValues>();
  if (me.isLoading) return <PageSpinner />;
  if (!me.data) return <Navigate to="/login" replace />;
  const data = me.data;

  const submit = (values: PasswordValues) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: async () => {
          notifySuccess('密码已修改');
          await queryClient.invalidateQueries({ queryKey: meKey });
          const next = queryClient.getQueryData<typeof data>(meKey);
          navigate((next && homeOf(next)) ?? '/app', { replace: true });
        },
      },
    );

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: '#f5f5f5',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 440 }}>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          修改密码
        </Typography.Title>
        {data.mustChangePassword ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={`${data.user.displayName}，您的密码由管理员设置`}
            description="为保证账号安全，请先设置只有您自己知道的新密码，然后才能继续使用。"
          />
        ) : null}
        {change.error ? (
          <Alert type="error" showIcon message={errorText(change.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
          <PasswordFields username={data.user.username} currentLabel="原密码（管理员告知的密码）" />
          <Button type="primary" htmlType="submit" block loading={change.isPending}>
            确认修改
          </Button>
        </Form>
        <Button
          type="link"
          block
          style={{ marginTop: 8 }}
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
        >
          退出登录
        </Button>
      </Card>
    </main>
  );
}
