import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../../shared/api/client';
import { useLogin, useMe } from './auth.api';
import { homeOf } from './home';

function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export default function LoginPage() {
  const login = useLogin();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));

  // Already logged in: straight to the workspace (or first to the change of an administrator's password).
  useEffect(() => {
    const home = me.data ? homeOf(me.data) : null;
    if (!me.data || !home || login.isPending) return;
    navigate(me.data.mustChangePassword ? home : (next ?? home), { replace: true });
  }, [me.data, login.isPending, navigate, next]);

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(180deg,#b71c1c 0,#b71c1c 220px,#f5f5f5 220px)',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={1} style={{ textAlign: 'center', color: '#b71c1c', fontSize: 28, marginBottom: 4 }}>
          连心
        </Typography.Title>
        <Typography.Paragraph style={{ textAlign: 'center', color: '#595959' }}>
          人大代表建议办理系统
        </Typography.Paragraph>
        {login.error ? (
          <Alert type="error" showIcon message={errorText(login.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Form
          layout="vertical"
          requiredMark={false}
          onFinish={(values: { username: string; password: string }) => login.mutate(values)}
        >
          <Form.Item
            name="username"
            label="用户名"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" size="large" autoFocus />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            登录
          </Button>
        </Form>
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Link to="/portal">浏览公开的代表建议</Link>
        </div>
      </Card>
    </main>
  );
}
