import { Form, Input, Radio, Select } from 'antd';
import type { NamedList } from '../../../../server/src/modules/administration/admin.schemas';
import { useAdminList } from './admin.api';

/** A deputy's particulars; phone and ID number are seen by the office only. */
export function DeputyFields() {
  const delegations = useAdminList<NamedList>('/delegations');
  const groups = useAdminList<NamedList>('/deputy-groups');
  const options = (list: NamedList | undefined) =>
    (list?.items ?? []).filter((x) => !x.retiredAt).map((x) => ({ value: x.id, label: x.name }));
  return (
    <>
      <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="namePinyin" label="姓名拼音（用于排序和查找）">
        <Input maxLength={60} placeholder="如 zhou haiyan" />
      </Form.Item>
      <Form.Item name="gender" label="性别">
        <Radio.Group
          options={[
            { value: 'male', label: '男' },
            { value: 'female', label: '女' },
          ]}
        />
      </Form.Item>
      <Form.Item name="ethnicity" label="民族">
        <Input maxLength={20} placeholder="如 汉族" />
      </Form.Item>
      <Form.Item name="delegationId" label="代表团">
        <Select allowClear options={options(delegations.data)} placeholder="请选择" />
      </Form.Item>
      <Form.Item name="deputyGroupId" label="代表小组">
        <Select allowClear options={options(groups.data)} placeholder="请选择" />
      </Form.Item>
      <Form.Item name="occupation" label="职业（工作单位及职务）">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="phone" label="电话（仅联工委可见）">
        <Input maxLength={30} inputMode="tel" />
      </Form.Item>
      <Form.Item name="idNumber" label="身份证号码（仅联工委可见）">
        <Input maxLength={18} />
      </Form.Item>
    </>
  );
}

export interface DeputyValues {
  name: string;
  namePinyin?: string;
  gender?: '' | 'male' | 'female';
  ethnicity?: string;
  delegationId?: number | null;
  deputyGroupId?: number | null;
  occupation?: string;
  phone?: string;
  idNumber?: string;
}

/** The form's values as the server's body: empty fields sent as empty, not missing. */
export const deputyBody = (v: DeputyValues) => ({
  name: v.name,
  namePinyin: v.namePinyin ?? '',
  gender: v.gender ?? '',
  ethnicity: v.ethnicity ?? '',
  delegationId: v.delegationId ?? null,
  deputyGroupId: v.deputyGroupId ?? null,
  occupation: v.occupation ?? '',
  phone: v.phone ?? '',
  idNumber: v.idNumber ?? '',
});
