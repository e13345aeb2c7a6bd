import { Form, Input, Modal } from 'antd';

interface Props {
  open: boolean;
  title: string;
  label: string;
  okText?: string;
  placeholder?: string;
  required?: boolean;
  maxLength?: number;
  pending?: boolean;
  danger?: boolean;
  onSubmit: (text: string) => void;
  onClose: () => void;
}

/** One text field in a dialog: a reason, a comment, a note. Validates before sending. */
export function TextPromptModal({
  open,
  title,
  label,
  okText = '确定',
  placeholder,
  required = true,
  maxLength = 1000,
  pending,
  danger,
  onSubmit,
  onClose,
}: Props) {
  const [form] = Form.useForm<{ text: string }>();
  return (
    <Modal
      title={title}
      open={open}
      okText={okText}
      okButtonProps={{ danger }}
      confirmLoading={pending}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => onSubmit((v.text ?? '').trim()))}
      afterClose={() => form.resetFields()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="text"
          label={label}
          rules={required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []}
        >
          <Input.TextArea rows={4} maxLength={maxLength} showCount placeholder={placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
