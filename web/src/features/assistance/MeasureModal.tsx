import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { assistanceApi, type MeasureView } from './api';
import { MEASURE_CATEGORY_CODES, measureCategoryLabel } from './i18n';

/** The form holds yuan under the API's field name `amountFen`, so a server error on it lands on the amount input. */
interface Values {
  category: string;
  description: string;
  responsibleName: string;
  amountFen: number;
  startDate: string;
  endDate?: string;
}

export type MeasureDraft = Partial<Pick<Values, 'category' | 'responsibleName' | 'startDate'>>;

/** Adds a measure to a plan (from a suggestion: the category is filled in) or edits one that is not implemented yet. */
export function MeasureModal({ planId, measure, draft, open, onClose, onSaved }: { planId: number; measure?: MeasureView; draft?: MeasureDraft; open: boolean; onClose: () => void; onSaved: (m: MeasureView) => void }) {
  const { t, i18n } = useTranslation();
  const initialValues = useMemo<Partial<Values>>(
    () =>
      measure
        ? { category: measure.category, description: measure.description, responsibleName: measure.responsibleName, amountFen: measure.amountFen / 100, startDate: measure.startDate, endDate: measure.endDate ?? undefined }
        : { amountFen: 0, ...draft },
    [measure, draft],
  );
  const required = (field: string) => [{ required: true, whitespace: true, message: t('assistance.required', { field }) }];
  return (
    <FormModal<Values>
      testId="measure-modal"
      title={measure ? t('assistance.editMeasure') : t('assistance.addMeasure')}
      open={open}
      width={640}
      onCancel={onClose}
      initialValues={initialValues}
      onSubmit={async (v) => {
        const body = {
          category: v.category as MeasureView['category'],
          description: v.description.trim(),
          responsibleName: v.responsibleName.trim(),
          amountFen: Math.round((v.amountFen ?? 0) * 100),
          startDate: v.startDate,
          endDate: v.endDate || undefined,
        };
        const saved = measure ? await assistanceApi.updateMeasure(measure.id, { ...body, version: measure.version }) : await assistanceApi.addMeasure(planId, body);
        onSaved(saved);
      }}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="category" label={t('assistance.category')} rules={[{ required: true, message: t('assistance.required', { field: t('assistance.category') }) }]}>
            <Select data-testid="measure-category" showSearch optionFilterProp="label" options={MEASURE_CATEGORY_CODES.map((c) => ({ value: c, label: measureCategoryLabel(c, i18n.language) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="responsibleName" label={t('assistance.responsible')} rules={required(t('assistance.responsible'))}>
            <Input data-testid="measure-responsible" maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="description" label={t('assistance.description')} rules={required(t('assistance.description'))}>
            <Input.TextArea data-testid="measure-description" maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="amountFen" label={t('assistance.amount')} rules={[{ required: true, message: t('assistance.required', { field: t('assistance.amount') }) }]}>
            <InputNumber data-testid="measure-amount" min={0} max={100_000_000} step={100} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="startDate" label={t('assistance.start')} rules={[{ required: true, message: t('assistance.required', { field: t('assistance.start') }) }]}>
            <Input data-testid="measure-start" type="date" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="endDate"
            label={t('assistance.end')}
            dependencies={['startDate']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value?: string) => (!value || !getFieldValue('startDate') || value >= getFieldValue('startDate') ? Promise.resolve() : Promise.reject(new Error(t('assistance.endBeforeStart')))),
              }),
            ]}
          >
            <Input data-testid="measure-end" type="date" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
