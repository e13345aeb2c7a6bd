import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Layout, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, Route, Routes, useNavigate } from 'react-router';
import { PageSpinner } from '../../shared/ui/Lazy';
import { NotFound } from '../../shared/ui/NotFound';
import { useLogout, useMe } from '../auth/auth.api';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';
import { homeOf } from '../auth/home';
import { CongressTreePage } from './CongressTreePage';

/** /admin: the installation's administrator, and no one else. */
export default function AdminArea() {
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();
  const [passwordOpen, setPasswordOpen] = useState(false);
  if (me.isLoading) return <PageSpinner />;
  if (!me.data) return <Navigate to="/login?next=%2Fadmin" replace />;
  if (!me.data.isSystemAdmin || me.data.mustChangePassword)
    return <Navigate to={homeOf(me.data) ?? '/login'} replace />;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          background: '#fff',
          padding: '0 16px',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        <Typography.Text strong style={{ fontSize: 18, color: '#b71c1c', whiteSpace: 'nowrap' }}>
          连心 · 系统管理
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
              { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
            ],
            onClick: ({ key }) => {
              if (key === 'password') setPasswordOpen(true);
              else logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
            },
          }}
        >
          <Button type="text" icon={<UserOutlined />} aria-label="用户菜单">
            {me.data.user.displayName}
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout.Content role="main">
        <Routes>
          <Route index element={<CongressTreePage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Layout.Content>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
