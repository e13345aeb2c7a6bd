import { Button, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function PortalLayout({ children }: { children: ReactNode }) {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, background: '#b71c1c', padding: '0 16px' }}>
        <Link to="/portal" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          连心 · 代表建议公开
        </Link>
        <div style={{ flex: 1 }} />
        <Link to="/login">
          <Button ghost>登录</Button>
        </Link>
      </Layout.Header>
      <Layout.Content role="main">{children}</Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#595959' }}>
        <Typography.Text type="secondary">本页公开的代表建议及答复经人大常委会联工委审定发布。</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
