import {
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  Popconfirm,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { unitRetiredKindLabels } from '../../../../server/src/modules/administration/administration.labels';
import type {
  AdministrationSettings,
  ReformList,
  SystemList,
  UnitList,
  UnitRecord,
} from '../../../../server/src/modules/administration/units.schemas';
import { FormModalButton } from '../../shared/ui/FormModalButton';
import { activeGrantOf, useMe } from '../auth/auth.api';
import { QueryState } from '../../shared/ui/QueryState';
import { AdminFrame } from './AdminFrame';
import { dayOf, useAdminList, useAdminMutation } from './admin.api';
import { UnitFields, unitBody, type UnitValues } from './UnitFields';
import { UnitStaffButton } from './UnitStaffButton';

type SystemRow = SystemList['items'][number];
interface ReformValues {
  kind: 'merged' | 'abolished';
  successorUnitId?: number;
  effectiveOn: Dayjs;
  note?: string;
}

function SystemsSection() {
  const systems = useAdminList<SystemList>('/systems');
  const settings = useAdminList<AdministrationSettings>('/settings');
  const act = useAdminMutation();
  const fields = (
    <>
      <Form.Item name="name" label="系统名称" rules={[{ required: true, whitespace: true, message: '请填写系统名称' }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="isGovernment" label="政府系统（由政府办公厅协调）" valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  );
  return (
    <section aria-label="系统" style={{ marginBottom: 24 }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
          系统
        </Typography.Title>
        <FormModalButton<{ name: string; isGovernment: boolean }>
          label="新建系统"
          title="新建系统"
          buttonProps={{ size: 'small' }}
          initialValues={{ isGovernment: true }}
          onSubmit={(v) => act.mutateAsync({ path: '/systems', body: v, done: '已新建系统' })}
        >
          {fields}
        </FormModalButton>
        <Space>
          <Switch
            id="gov-office-admin"
            checked={settings.data?.governmentOfficeAdministersUnits ?? false}
            loading={settings.isLoading || act.isPending}
            onChange={(on) =>
              act.mutate({
                method: 'PUT',
                path: '/settings',
                body: { governmentOfficeAdministersUnits: on },
                done: on ? '已授权政府办公厅管理本系统的承办单位' : '已收回政府办公厅的管理授权',
              })
            }
          />
          <label htmlFor="gov-office-admin">授权政府办公厅管理本系统的承办单位</label>
        </Space>
      </Space>
      <Table<SystemRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={systems.data?.items ?? []}
        columns={[
          {
            title: '名称',
            render: (_, s) => (
              <Space>
                {s.name}
                {s.isGovernment ? <Tag color="blue">政府系统</Tag> : null}
                {s.retiredAt ? <Tag>已停用</Tag> : null}
              </Space>
            ),
          },
          {
            title: '操作',
            width: 170,
            render: (_, s) =>
              s.retiredAt ? null : (
                <Space>
                  <FormModalButton<{ name: string; isGovernment: boolean }>
                    label="修改"
                    title="修改系统"
                    buttonProps={{ size: 'small' }}
                    initialValues={{ name: s.name, isGovernment: s.isGovernment }}
                    onSubmit={(v) =>
                      act.mutateAsync({ method: 'PUT', path: `/systems/${s.id}`, body: v, done: '系统已修改' })
                    }
                  >
                    {fields}
                  </FormModalButton>
                  <Popconfirm
                    title={`停用「${s.name}」？`}
                    okText="停用"
                    cancelText="取消"
                    onConfirm={() => act.mutateAsync({ path: `/systems/${s.id}/retire`, done: '系统已停用' })}
                  >
                    <Button size="small">停用</Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
    </section>
  );
}

function ReformButton({ unit, units }: { unit: UnitRecord; units: UnitRecord[] }) {
  const act = useAdminMutation();
  return (
    <FormModalButton<ReformValues>
      label="机构改革"
      title={`机构改革：${unit.name}`}
      buttonProps={{ size: 'small' }}
      initialValues={{ kind: 'merged' }}
      onSubmit={(v) =>
        act.mutateAsync({
          path: `/units/${unit.id}/reform`,
          body: {
            kind: v.kind,
            successorUnitId: v.successorUnitId ?? null,
            effectiveOn: dayOf(v.effectiveOn),
            note: v.note ?? '',
          },
          done: `${unit.name}的未办结事项已移交承接单位`,
        })
      }
    >
      <Typography.Paragraph>
        本单位尚有 {unit.openAssignments}{' '}
        件未办结的建议。未办结的建议（连同期限和沟通记录）、未签发的答复草稿和未销号的承诺事项移交承接单位；已签发的答复仍在本单位名下。
      </Typography.Paragraph>
      <Form.Item name="kind" label="方式">
        <Radio.Group
          options={[
            { value: 'merged', label: '合并' },
            { value: 'abolished', label: '撤销' },
          ]}
        />
      </Form.Item>
      <Form.Item name="successorUnitId" label="承接单位">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          options={units.filter((u) => !u.retiredAt && u.id !== unit.id).map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Form.Item name="effectiveOn" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label="说明">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModalButton>
  );
}

/**
 * 承办单位: systems, units with duties, review chain and staff; retiring and reforms. A
 * government office the office has authorised (`ownSystem`) keeps the units of its own system:
 * their particulars and staff, not the systems, retiring or reforms, which touch others' records.
 */
export function UnitsAdminPage({ ownSystem = false }: { ownSystem?: boolean }) {
  const units = useAdminList<UnitList>('/units');
  const reforms = useAdminList<ReformList>('/reforms', undefined, !ownSystem);
  const act = useAdminMutation();
  const all = units.data?.items ?? [];
  const Frame = ownSystem ? OwnSystemFrame : AdminFrame;
  const me = useMe();
  const grant = me.data ? activeGrantOf(me.data) : undefined;
  const ownSystemId = ownSystem ? (grant?.unitSystemId ?? undefined) : undefined;
  return (
    <Frame
      title={ownSystem ? '本系统承办单位' : '承办单位'}
      extra={
        // Refused (a government office the office has not authorised): the list says why.
        units.error ? null : (
          <FormModalButton<UnitValues>
            label="新增承办单位"
            title="新增承办单位"
            buttonProps={{ type: 'primary' }}
            width={640}
            initialValues={{ chain: 'unit_signer' }}
            onSubmit={(v) => act.mutateAsync({ path: '/units', body: unitBody(v), done: '已新增承办单位' })}
          >
            <UnitFields ownSystemId={ownSystemId} />
          </FormModalButton>
        )
      }
    >
      {ownSystem ? null : <SystemsSection />}
      <section aria-label="承办单位列表">
        <QueryState isLoading={units.isLoading} error={units.error} onRetry={() => void units.refetch()}>
          <Table<UnitRecord>
            rowKey="id"
            size="small"
            dataSource={all}
            scroll={{ x: 1000 }}
            pagination={{ pageSize: 50, showTotal: (n) => `共${n}个单位` }}
            columns={[
              {
                title: '单位',
                width: 220,
                render: (_, u) => (
                  <Space direction="vertical" size={0}>
                    <span>{u.name}</span>
                    {u.retiredAt ? (
                      <Tag>
                        {unitRetiredKindLabels[u.retiredKind ?? 'retired']}
                        {u.successorName ? `，由${u.successorName}承接` : ''}
                      </Tag>
                    ) : null}
                  </Space>
                ),
              },
              { title: '系统', width: 110, dataIndex: 'systemName' },
              { title: '职责', render: (_, u) => u.duties || '—' },
              {
                title: '审核流程',
                width: 110,
                render: (_, u) => (u.reviewChain.length > 1 ? `${u.reviewChain.length - 1}级审核后签发` : '直接签发'),
              },
              { title: '未办结', width: 70, dataIndex: 'openAssignments' },
              {
                title: '操作',
                width: 300,
                render: (_, u) =>
                  u.retiredAt ? (
                    <UnitStaffButton unit={u} />
                  ) : (
                    <Space wrap>
                      <FormModalButton<UnitValues>
                        label="修改"
                        title={`修改${u.name}`}
                        buttonProps={{ size: 'small' }}
                        width={640}
                        initialValues={{ ...u, chain: u.reviewChain.join(',') }}
                        onSubmit={(v) =>
                          act.mutateAsync({
                            method: 'PUT',
                            path: `/units/${u.id}`,
                            body: unitBody(v),
                            done: '单位已修改',
                          })
                        }
                      >
                        <UnitFields ownSystemId={ownSystemId} />
                      </FormModalButton>
                      <UnitStaffButton unit={u} />
                      {ownSystem ? null : u.openAssignments === 0 ? (
                        <Popconfirm
                          title={`撤销「${u.name}」？`}
                          description="撤销后不能再交办，已有记录保留单位名称。"
                          okText="撤销"
                          cancelText="取消"
                          onConfirm={() => act.mutateAsync({ path: `/units/${u.id}/retire`, done: '单位已撤销' })}
                        >
                          <Button size="small">撤销</Button>
                        </Popconfirm>
                      ) : null}
                      {ownSystem ? null : <ReformButton unit={u} units={all} />}
                    </Space>
                  ),
              },
            ]}
          />
        </QueryState>
      </section>
      {!ownSystem && (reforms.data?.items.length ?? 0) > 0 ? (
        <section aria-label="机构改革记录" style={{ marginTop: 24 }}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            机构改革记录
          </Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={reforms.data?.items ?? []}
            columns={[
              { title: '原单位', dataIndex: 'unitName' },
              { title: '方式', render: (_, r) => (r.kind === 'merged' ? '合并' : '撤销') },
              { title: '承接单位', render: (_, r) => r.successorName ?? '—' },
              { title: '生效日期', dataIndex: 'effectiveOn' },
              { title: '移交建议', dataIndex: 'assignmentsMoved' },
              { title: '移交承诺事项', dataIndex: 'promisesMoved' },
              { title: '说明', dataIndex: 'note' },
            ]}
          />
        </section>
      ) : null}
    </Frame>
  );
}

/** The government office's page: no office menu, the page's title and action. */
function OwnSystemFrame({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <div className="lx-page">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children}
    </div>
  );
}
