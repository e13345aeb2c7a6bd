import { Form, Select } from 'antd';
import { roleNames, roleTable, type ScopeColumn } from '../../../../server/src/platform/auth/role-table';
import type { NamedList } from '../../../../server/src/modules/administration/admin.schemas';
import type { DeputyPage } from '../../../../server/src/modules/administration/deputies.schemas';
import type { SystemList, UnitList } from '../../../../server/src/modules/administration/units.schemas';
import type { RoleName } from '../../shared/labels/roles';
import { useAdminList } from './admin.api';

export interface GrantValues {
  role: RoleName;
  scopeId?: number;
}

const field: Record<ScopeColumn, 'deputyId' | 'unitId' | 'unitSystemId' | 'committeeId' | 'deputyGroupId'> = {
  deputy_id: 'deputyId',
  unit_id: 'unitId',
  unit_system_id: 'unitSystemId',
  committee_id: 'committeeId',
  deputy_group_id: 'deputyGroupId',
};

const scopeLabel: Record<ScopeColumn, string> = {
  deputy_id: '代表',
  unit_id: '承办单位',
  unit_system_id: '系统',
  committee_id: '专门委员会',
  deputy_group_id: '代表小组',
};

/** The server's grant body: the role and the one scope field its row of the role table names. */
export function grantBody(v: GrantValues) {
  const column = roleTable[v.role].scope;
  return { role: v.role, ...(column ? { [field[column]]: v.scopeId ?? null } : {}) };
}

function ScopePicker({ column }: { column: ScopeColumn }) {
  const units = useAdminList<UnitList>('/units');
  const systems = useAdminList<SystemList>('/systems');
  const committees = useAdminList<NamedList>('/committees');
  const groups = useAdminList<NamedList>('/deputy-groups');
  const deputies = useAdminList<DeputyPage>('/deputies', { status: 'serving', pageSize: 200 });
  const options = {
    unit_id: (units.data?.items ?? []).filter((u) => !u.retiredAt).map((u) => ({ value: u.id, label: u.name })),
    unit_system_id: (systems.data?.items ?? [])
      .filter((s) => !s.retiredAt)
      .map((s) => ({ value: s.id, label: s.name })),
    committee_id: (committees.data?.items ?? [])
      .filter((c) => !c.retiredAt)
      .map((c) => ({ value: c.id, label: c.name })),
    deputy_group_id: (groups.data?.items ?? [])
      .filter((g) => !g.retiredAt)
      .map((g) => ({ value: g.id, label: g.name })),
    deputy_id: (deputies.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
  }[column];
  return (
    <Form.Item
      name="scopeId"
      label={`范围：${scopeLabel[column]}`}
      rules={[{ required: true, message: `请选择${scopeLabel[column]}` }]}
    >
      <Select showSearch optionFilterProp="label" options={options} />
    </Form.Item>
  );
}

/** A role and, when its row of the role table names one, its scope. */
export function GrantFields() {
  return (
    <>
      <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={roleNames.map((r) => ({ value: r, label: roleTable[r].label }))}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: GrantValues, b: GrantValues) => a.role !== b.role}>
        {({ getFieldValue }) => {
          const role = getFieldValue('role') as RoleName | undefined;
          const column = role ? roleTable[role].scope : null;
          return column ? <ScopePicker column={column} /> : null;
        }}
      </Form.Item>
    </>
  );
}
