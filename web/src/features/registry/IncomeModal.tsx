import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { YEARS } from './years';
import { registryApi, type IncomeRecord } from './api';

export const INCOME_FIELDS = ['wageFen', 'operatingFen', 'propertyFen', 'transferFen', 'productionCostFen', 'outOfPocketMedicalFen'] as const;
type IncomeField = (typeof INCOME_FIELDS)[number];
/** The form holds yuan under the API's field names, so server errors (`wageFen`) land on the right input. */
type Values = { year: number; householdSize?: number; reason?: string } & Record<IncomeField, number>;

export function IncomeModal({ householdId, version, record, open, onClose, onSaved }: { householdId: number; version: number; record?: IncomeRecord; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const initialValues = useMemo<Partial<Values>>(() => {
    if (!record) return { year: YEARS[1], ...Object.fromEntries(INCOME_FIELDS.map((f) => [f, 0])) };
    return { year: record.year, householdSize: record.householdSize, ...Object.fromEntries(INCOME_FIELDS.map((f) => [f, record[f] / 100])) };
  }, [record]);
  return (
    <FormModal<Values>
      testId="income-edit"
      title={record ? t('profile.incomes.edit', { year: record.year }) : t('profile.incomes.add')}
      open={open}
      onCancel={onClose}
      initialValues={initialValues}
      onSubmit={async (v) => {
        const body = { version, householdSize: v.householdSize, reason: v.reason, ...Object.fromEntries(INCOME_FIELDS.map((f) => [f, Math.round((v[f] ?? 0) * 100)])) };
        await registryApi.putIncome(householdId, v.year, body as never);
        onSaved();
      }}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="year" label={t('common.year')} rules={[{ required: true }]}>
            <Select disabled={!!record} options={YEARS.map((y) => ({ value: y, label: String(y) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="householdSize" label={t('profile.incomes.householdSize')}>
            <InputNumber min={1} max={30} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {INCOME_FIELDS.map((f) => (
          <Col span={12} key={f}>
            <Form.Item name={f} label={`${t(`profile.incomes.${f}`)} (${t('common.yuan')})`}>
              <InputNumber min={0} step={100} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
        <Col span={24}>
          <Form.Item name="reason" label={t('profile.reason')}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
