import { Form, Input, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { assistanceApi, type MeasureView } from './api';
import { measureCategoryLabel } from './i18n';

/** IMPLEMENTING → IMPLEMENTED with the date it was carried out (not before the start, not after today; the server checks too). */
export function ImplementModal({ measure, today, open, onClose, onSaved }: { measure: MeasureView | null; today: string; open: boolean; onClose: () => void; onSaved: (m: MeasureView) => void }) {
  const { t, i18n } = useTranslation();
  const initialValues = useMemo(() => ({ on: today }), [today]);
  return (
    <FormModal<{ on: string }>
      testId="implement-modal"
      title={t('assistance.implementTitle')}
      open={open && measure !== null}
      onCancel={onClose}
      initialValues={initialValues}
      onSubmit={async (v) => {
        if (!measure) return;
        onSaved(await assistanceApi.setStatus(measure.id, { status: 'IMPLEMENTED', version: measure.version, on: v.on }));
      }}
    >
      {measure && <Typography.Paragraph>{measureCategoryLabel(measure.category, i18n.language)} · {measure.description}</Typography.Paragraph>}
      <Form.Item
        name="on"
        label={t('assistance.implementOn')}
        rules={[
          { required: true, message: t('assistance.required', { field: t('assistance.implementOn') }) },
          { validator: (_, v?: string) => (!v || !measure || v >= measure.startDate ? Promise.resolve() : Promise.reject(new Error(`${t('assistance.start')}: ${measure.startDate}`))) },
        ]}
      >
        <Input data-testid="implement-on" type="date" max={today} />
      </Form.Item>
    </FormModal>
  );
}
