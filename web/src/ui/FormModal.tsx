import { Form, Modal, type FormInstance } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useApiErrorHandler } from './errors';

interface FormModalProps<T> {
  title: ReactNode;
  open: boolean;
  initialValues?: Partial<T>;
  onCancel: () => void;
  /** Throws an ApiError on refusal: its field errors are put on the matching fields. */
  onSubmit: (values: T) => Promise<void>;
  children: ReactNode | ((form: FormInstance<T>) => ReactNode);
  width?: number;
  testId?: string;
}

/** A modal with a vertical form, a busy OK button and server field errors shown on the fields. */
export function FormModal<T extends object>({ title, open, initialValues, onCancel, onSubmit, children, width, testId }: FormModalProps<T>) {
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  const onError = useApiErrorHandler();

  useEffect(() => {
    if (open) {
      form.resetFields();
      if (initialValues) form.setFieldsValue(initialValues as never);
    }
  }, [open, initialValues, form]);

  const submit = async () => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      await onSubmit(values);
    } catch (e) {
      onError(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={title} open={open} onCancel={onCancel} onOk={() => void submit()} confirmLoading={busy} width={width ?? 560} destroyOnHidden forceRender data-testid={testId}>
      <Form<T> form={form} layout="vertical" preserve={false}>
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
