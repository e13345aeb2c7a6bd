import { DownOutlined, LogoutOutlined, KeyOutlined, SwapOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Grid, Layout, Menu, Typography, type MenuProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { areaHome, areaOfRole, roleLabels, type RoleArea } from '../../shared/labels/roles';
import { useLogout, useSwitchRole, type Grant, type Me } from './auth.api';
import { ChangePasswordModal } from './ChangePasswordModal';
import { grantLabel } from './grant-label';
import { navFor } from './navigation';

interface Props {
  me: Me;
  grant: Grant;
  area: RoleArea;
  children: ReactNode;
}

/** The frame of every workspace: who I am, in which role, the menu of my area, and the page. */
export function WorkspaceShell({ me, grant, area, children }: Props) {
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const switchRole = useSwitchRole();
  const [passwordOpen, setPasswordOpen] = useState(false);

  const nav = navFor(area, grant.role);
  // The area's home entry is selected only on the home itself; other entries also for their sub-pages.
  const home = nav[0]?.path;
  const selected = [...nav]
    .sort((a, b) => b.path.length - a.path.length)
    .find((n) => location.pathname === n.path || (n.path !== home && location.pathname.startsWith(`${n.path}/`)));

  const onSwitch = (grantId: number) =>
    switchRole.mutate(grantId, {
      onSuccess: (next) => {
        const g = next.grants.find((x) => x.id === next.activeGrantId);
        if (g) navigate(areaHome[areaOfRole[g.role]]);
      },
    });

  const userItems: MenuProps['items'] = [
    ...(me.grants.length > 1
      ? [
          {
            key: 'switch',
            icon: <SwapOutlined />,
            label: '切换角色',
            children: me.grants.map((g) => ({
              key: `grant-${g.id}`,
              label: grantLabel(g),
              disabled: g.id === grant.id,
            })),
          },
          { type: 'divider' as const },
        ]
      : []),
    { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
  ];

  const onUserMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setPasswordOpen(true);
    else if (key === 'logout') logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
    else if (key.startsWith('grant-')) onSwitch(Number(key.slice(6)));
  };

  const menu = (
    <nav aria-label="功能菜单" style={{ flex: 1, minWidth: 0 }}>
      <Menu
        mode="horizontal"
        selectedKeys={selected ? [selected.path] : []}
        items={nav.map((n) => ({ key: n.path, label: n.label }))}
        onClick={({ key }) => navigate(key)}
        style={{ minWidth: 0, borderBottom: isPhone ? '1px solid #f0f0f0' : 'none' }}
      />
    </nav>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          background: '#fff',
          padding: isPhone ? '0 8px' : '0 24px',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        <Typography.Text strong style={{ fontSize: 18, color: '#b71c1c', whiteSpace: 'nowrap' }}>
          连心
        </Typography.Text>
        {isPhone ? <div style={{ flex: 1 }} /> : menu}
        <Dropdown menu={{ items: userItems, onClick: onUserMenu }} trigger={['click']}>
          <Button type="text" icon={<UserOutlined />} aria-label="用户菜单" loading={switchRole.isPending}>
            <span
              style={{
                maxWidth: isPhone ? 150 : 360,
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                display: 'inline-block',
                verticalAlign: 'bottom',
              }}
            >
              {me.user.displayName}
              {isPhone ? '' : ` · ${roleLabels[grant.role]}${grant.scopeName ? `（${grant.scopeName}）` : ''}`}
            </span>
            <DownOutlined />
          </Button>
        </Dropdown>
      </Layout.Header>
      {isPhone ? <div style={{ background: '#fff' }}>{menu}</div> : null}
      <Layout.Content role="main">
        <div style={{ background: '#fffbe6', padding: '2px 16px', fontSize: 12, color: '#595959' }}>
          {grantLabel(grant)}
        </div>
        {children}
      </Layout.Content>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
