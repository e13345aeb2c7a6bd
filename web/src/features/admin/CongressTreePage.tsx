import { Space, Table, Tag, Typography } from 'antd';
import { QueryState } from '../../shared/ui/QueryState';
import { nest, useCongressTree, type CongressRow } from './admin.api';
import { CreateCongressButton } from './CreateCongressButton';
import { CreateOfficeAccountButton } from './CreateOfficeAccountButton';
import { congressLevelLabels } from './levels';

/** /admin: the tree of congresses of this installation, and each one's office accounts. */
export function CongressTreePage() {
  const tree = useCongressTree();
  const rows = nest(tree.data?.items ?? []);
  return (
    <div style={{ padding: 16, maxWidth: 1200, margin: '0 auto' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: '8px 0' }}>
          人大机构
        </Typography.Title>
        <CreateCongressButton parent={null} />
      </Space>
      <Typography.Paragraph type="secondary">
        在这里建立本系统服务的各级人大及其联工委账号；各级人大的届次、会议、代表、承办单位等由其联工委自行管理。系统管理员看不到任何建议。
      </Typography.Paragraph>
      <QueryState isLoading={tree.isLoading} error={tree.error} onRetry={() => void tree.refetch()}>
        <Table<CongressRow>
          rowKey="id"
          dataSource={rows}
          pagination={false}
          scroll={{ x: 900 }}
          expandable={{ defaultExpandAllRows: true }}
          locale={{ emptyText: '尚无人大机构，请先新建' }}
          columns={[
            {
              title: '名称',
              dataIndex: 'name',
              render: (name: string, c) => (
                <span>
                  {name}（{c.shortName}）
                </span>
              ),
            },
            {
              title: '层级',
              dataIndex: 'level',
              width: 110,
              render: (l: CongressRow['level']) => congressLevelLabels[l],
            },
            { title: '行政区划代码', dataIndex: 'adminCode', width: 130, render: (c: string | null) => c ?? '—' },
            { title: '文号前缀', dataIndex: 'docPrefix', width: 100, render: (p: string) => p || '—' },
            {
              title: '联工委账号',
              key: 'accounts',
              render: (_, c) =>
                c.officeAccounts.length === 0 ? (
                  <Typography.Text type="secondary">尚无</Typography.Text>
                ) : (
                  <Space size={[4, 4]} wrap>
                    {c.officeAccounts.map((a) => (
                      <Tag key={a.id} color={a.isActive ? (a.mustChangePassword ? 'orange' : 'green') : 'default'}>
                        {a.displayName}（{a.username}）{a.mustChangePassword ? ' · 待改初始密码' : ''}
                        {a.isActive ? '' : ' · 已停用'}
                      </Tag>
                    ))}
                  </Space>
                ),
            },
            {
              title: '操作',
              key: 'actions',
              width: 250,
              render: (_, c) => (
                <Space wrap>
                  <CreateOfficeAccountButton congress={c} />
                  <CreateCongressButton parent={c} />
                </Space>
              ),
            },
          ]}
        />
      </QueryState>
    </div>
  );
}
