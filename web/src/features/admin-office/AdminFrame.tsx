import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** The pages of 本级管理, each one of the office's lists. */
export const adminPages = [
  { path: 'sessions', label: '届次与会议' },
  { path: 'delegations', label: '代表团与代表小组' },
  { path: 'deputies', label: '代表' },
  { path: 'units', label: '承办单位' },
  { path: 'committees', label: '专门委员会与分类' },
  { path: 'accounts', label: '账号与权限' },
  { path: 'dictionary', label: '词典' },
] as const;

/** A page of 本级管理: its own menu of lists, the title, the page's main action and its content. */
export function AdminFrame({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return (
    <div style={{ padding: 16, maxWidth: 1280, margin: '0 auto' }}>
      <nav aria-label="本级管理">
        <Flex wrap gap={4} style={{ marginBottom: 12 }}>
          {adminPages.map((p) => {
            const to = `/office/admin/${p.path}`;
            const current = pathname.startsWith(to);
            return (
              <Button
                key={p.path}
                type={current ? 'primary' : 'default'}
                size="small"
                aria-current={current ? 'page' : undefined}
                onClick={() => navigate(to)}
              >
                {p.label}
              </Button>
            );
          })}
        </Flex>
      </nav>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children}
    </div>
  );
}
