import { Form, Input, Select } from 'antd';
import type { SystemList } from '../../../../server/src/modules/administration/units.schemas';
import { useAdminList } from './admin.api';

const chains = [
  { value: 'unit_signer', label: '经办人 → 签发人' },
  { value: 'unit_reviewer,unit_signer', label: '经办人 → 审核人 → 签发人' },
  { value: 'unit_reviewer,unit_reviewer,unit_signer', label: '经办人 → 审核人 → 审核人 → 签发人' },
];

export interface UnitValues {
  unitSystemId: number;
  name: string;
  shortName: string;
  docPrefix?: string;
  duties?: string;
  chain: string;
}

export const unitBody = (v: UnitValues) => ({
  unitSystemId: v.unitSystemId,
  name: v.name,
  shortName: v.shortName,
  docPrefix: v.docPrefix ?? '',
  duties: v.duties ?? '',
  reviewChain: v.chain.split(','),
});

/**
 * A unit's particulars, its duties (职责) and the review chain of its replies; a government
 * office (`ownSystemId`) keeps its units in its own system.
 */
export function UnitFields({ ownSystemId }: { ownSystemId?: number }) {
  const systems = useAdminList<SystemList>('/systems');
  const choices = (systems.data?.items ?? []).filter(
    (s) => !s.retiredAt && (ownSystemId === undefined || s.id === ownSystemId),
  );
  return (
    <>
      <Form.Item
        name="unitSystemId"
        label="所属系统"
        rules={[{ required: true, message: '请选择系统' }]}
        initialValue={ownSystemId}
      >
        <Select options={choices.map((s) => ({ value: s.id, label: s.name }))} />
      </Form.Item>
      <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="shortName" label="简称" rules={[{ required: true, whitespace: true, message: '请填写简称' }]}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="docPrefix" label="发文字号前缀">
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="duties" label="职责（交办和检索时参考）">
        <Input.TextArea rows={4} maxLength={4000} showCount />
      </Form.Item>
      <Form.Item name="chain" label="答复的审核流程">
        <Select options={chains} />
      </Form.Item>
    </>
  );
}
