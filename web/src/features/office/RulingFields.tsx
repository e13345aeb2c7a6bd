import { Form, Input, Radio } from 'antd';
import { UnitPickerFields } from '../suggestion/UnitPicker';

/** 对调整申请作出决定: accept (with the new units) or reject with a reason. */
export function RulingFields() {
  const accept = Form.useWatch<boolean>('accept');
  return (
    <>
      <Form.Item name="accept" label="决定">
        <Radio.Group
          optionType="button"
          options={[
            { value: true, label: '同意调整' },
            { value: false, label: '不同意' },
          ]}
        />
      </Form.Item>
      {accept ? <UnitPickerFields /> : null}
      <Form.Item
        name="reason"
        label={accept ? '说明（可不填）' : '不同意的理由'}
        rules={[{ required: !accept, whitespace: true, message: '请填写不同意的理由' }]}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
    </>
  );
}

/** 对延期申请作出决定: grant, or refuse with a reason. */
export function ExtensionRulingFields() {
  const grant = Form.useWatch<boolean>('grant');
  return (
    <>
      <Form.Item name="grant" label="决定">
        <Radio.Group
          optionType="button"
          options={[
            { value: true, label: '同意延期' },
            { value: false, label: '不同意' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={grant ? '说明（可不填）' : '不同意的理由'}
        rules={[{ required: !grant, whitespace: true, message: '请填写不同意的理由' }]}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
    </>
  );
}
