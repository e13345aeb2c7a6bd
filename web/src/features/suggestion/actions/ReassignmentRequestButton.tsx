import { Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { formatDate } from '../../../shared/format/date';
import { unitOptions, useUnits } from '../directory.api';
import { useSuggestionMutation } from '../suggestion.api';
import type { SuggestionDetail } from '../suggestion.detail.types';

interface Values {
  reason: string;
  proposedUnitIds?: number[];
}

/** 申请调整: the unit (or the lead deputy) asks the office to move the suggestion, within the window. */
export function ReassignmentRequestButton({ s }: { s: SuggestionDetail }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const units = useUnits();
  const request = useSuggestionMutation();
  const current = s.assignments.filter((a) => a.state !== 'ended');
  const until = current
    .map((a) => a.reassignmentWindowUntil)
    .sort()
    .at(-1);

  const submit = () =>
    void form.validateFields().then((v) =>
      request.mutate(
        {
          path: `/suggestions/${s.id}/reassignment-requests`,
          body: { reason: v.reason.trim(), proposedUnitIds: v.proposedUnitIds ?? [], version: s.version },
          done: '调整申请已提交，等待联工委决定',
        },
        { onSuccess: () => setOpen(false) },
      ),
    );

  return (
    <>
      <Button onClick={() => setOpen(true)}>申请调整承办单位</Button>
      <Modal
        title="申请调整承办单位"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText="提交申请"
        confirmLoading={request.isPending}
        destroyOnHidden
      >
        {until ? <p>调整申请截止日期：{formatDate(until)}</p> : null}
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item
            name="reason"
            label="调整理由"
            rules={[
              { required: true, whitespace: true, message: '请填写调整理由' },
              { max: 1000, message: '不能超过1000字' },
            ]}
          >
            <Input.TextArea rows={4} maxLength={1000} showCount placeholder="说明为什么不宜由现承办单位办理" />
          </Form.Item>
          <Form.Item name="proposedUnitIds" label="建议改由哪个单位办理（可选）">
            <Select
              mode="multiple"
              options={unitOptions(
                units.data,
                current.map((a) => a.unitId),
              )}
              showSearch
              optionFilterProp="label"
              loading={units.isLoading}
              placeholder="选择单位"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
