import { Button, Form, Modal, type ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';

interface Props<V> {
  label: ReactNode;
  title: string;
  okText?: string;
  buttonProps?: ButtonProps;
  initialValues?: Partial<V>;
  /** Sends the validated values; resolves when done (the dialog closes), rejects to keep it open. */
  onSubmit: (values: V) => Promise<unknown>;
  children: ReactNode;
  width?: number;
}

/** A button that opens a form in a dialog; the form validates before anything is sent. */
export function FormModalButton<V extends object>({
  label,
  title,
  okText = '确定',
  buttonProps,
  initialValues,
  onSubmit,
  children,
  width,
}: Props<V>) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [form] = Form.useForm<V>();
  const ok = async () => {
    const values = await form.validateFields();
    setPending(true);
    try {
      await onSubmit(values);
      setOpen(false);
    } catch {
      // the error is shown by the API layer; the dialog stays open to correct it
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Button {...buttonProps} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        title={title}
        open={open}
        okText={okText}
        onOk={() => void ok().catch(() => undefined)}
        onCancel={() => setOpen(false)}
        confirmLoading={pending}
        destroyOnHidden
        width={width}
      >
        <Form form={form} layout="vertical" requiredMark={false} initialValues={initialValues} preserve={false}>
          {children}
        </Form>
      </Modal>
    </>
  );
}
