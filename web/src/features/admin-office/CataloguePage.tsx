import { Button, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { NamedList } from '../../../../server/src/modules/administration/admin.schemas';
import type { CategoryList, CategoryRecord } from '../../../../server/src/modules/administration/catalogue.schemas';
import { FormModalButton } from '../../shared/ui/FormModalButton';
import { QueryState } from '../../shared/ui/QueryState';
import { AdminFrame } from './AdminFrame';
import { useAdminList, useAdminMutation } from './admin.api';
import { RosterSection } from './RosterSection';

interface CategoryValues {
  code?: string;
  name: string;
  parentCode?: string | null;
  committeeId?: number | null;
}

type CategoryNode = CategoryRecord & { children?: CategoryNode[] };

/** The flat list as a tree: each category under its parent. */
function treeOf(items: CategoryRecord[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>(items.map((c) => [c.code, { ...c }]));
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

function CategoryFields({ isNew, categories }: { isNew: boolean; categories: CategoryRecord[] }) {
  const committees = useAdminList<NamedList>('/committees');
  return (
    <>
      {isNew ? (
        <Form.Item
          name="code"
          label="分类代码（小写字母、数字、下划线；建成后不可改）"
          rules={[{ required: true, pattern: /^[a-z0-9_]+$/, message: '分类代码只能包含小写字母、数字和下划线' }]}
        >
          <Input maxLength={40} />
        </Form.Item>
      ) : null}
      <Form.Item name="name" label="分类名称" rules={[{ required: true, whitespace: true, message: '请填写分类名称' }]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="parentCode" label="上级分类（不选为顶级）">
        <Select
          allowClear
          options={categories.filter((c) => !c.retiredAt).map((c) => ({ value: c.code, label: c.name }))}
        />
      </Form.Item>
      <Form.Item name="committeeId" label="对口督办的专门委员会">
        <Select
          allowClear
          options={(committees.data?.items ?? [])
            .filter((c) => !c.retiredAt)
            .map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
    </>
  );
}

const categoryBody = (v: CategoryValues) => ({
  name: v.name,
  parentCode: v.parentCode ?? null,
  committeeId: v.committeeId ?? null,
});

/** 专门委员会与分类: the committees, the category tree and which committee supervises each. */
export function CataloguePage() {
  const categories = useAdminList<CategoryList>('/categories');
  const act = useAdminMutation();
  const all = categories.data?.items ?? [];
  return (
    <AdminFrame title="专门委员会与分类">
      <RosterSection path="committees" label="专门委员会" />
      <section aria-label="建议分类">
        <Space style={{ marginBottom: 8 }}>
          <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
            建议分类
          </Typography.Title>
          <FormModalButton<CategoryValues>
            label="新增分类"
            title="新增建议分类"
            buttonProps={{ size: 'small', type: 'primary' }}
            onSubmit={(v) =>
              act.mutateAsync({ path: '/categories', body: { code: v.code, ...categoryBody(v) }, done: '已新增分类' })
            }
          >
            <CategoryFields isNew categories={all} />
          </FormModalButton>
        </Space>
        <QueryState isLoading={categories.isLoading} error={categories.error} onRetry={() => void categories.refetch()}>
          <Table<CategoryNode>
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={treeOf(all)}
            expandable={{ defaultExpandAllRows: true }}
            scroll={{ x: 760 }}
            columns={[
              {
                title: '分类',
                render: (_, c) => (
                  <Space>
                    {c.name}
                    {c.retiredAt ? <Tag>已停用</Tag> : null}
                  </Space>
                ),
              },
              { title: '代码', width: 140, dataIndex: 'code' },
              { title: '对口专门委员会', width: 200, render: (_, c) => c.committeeName ?? '—' },
              { title: '建议数', width: 80, dataIndex: 'suggestionCount' },
              {
                title: '操作',
                width: 160,
                render: (_, c) =>
                  c.retiredAt ? null : (
                    <Space>
                      <FormModalButton<CategoryValues>
                        label="修改"
                        title={`修改分类：${c.name}`}
                        buttonProps={{ size: 'small' }}
                        initialValues={{ name: c.name, parentCode: c.parentCode, committeeId: c.committeeId }}
                        onSubmit={(v) =>
                          act.mutateAsync({
                            method: 'PUT',
                            path: `/categories/${c.code}`,
                            body: categoryBody(v),
                            done: '分类已修改',
                          })
                        }
                      >
                        <CategoryFields isNew={false} categories={all.filter((x) => x.code !== c.code)} />
                      </FormModalButton>
                      <Popconfirm
                        title={`停用分类「${c.name}」？`}
                        description="已有建议保留原分类。"
                        okText="停用"
                        cancelText="取消"
                        onConfirm={() => act.mutateAsync({ path: `/categories/${c.code}/retire`, done: '分类已停用' })}
                      >
                        <Button size="small">停用</Button>
                      </Popconfirm>
                    </Space>
                  ),
              },
            ]}
          />
        </QueryState>
      </section>
    </AdminFrame>
  );
}
