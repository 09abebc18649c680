import { Checkbox, Col, Form, Input, InputNumber, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { assistanceApi, type PlanView } from './api';

export const GUARANTEES = ['foodClothingOk', 'housingSafe', 'compulsoryEducationOk', 'medicalInsuranceOk', 'waterSafe'] as const;
type Guarantees = Record<(typeof GUARANTEES)[number], boolean>;
/** Yuan under the API's name `incomeAfterPerCapitaFen`, so a server error lands on the input. */
interface Values {
  incomeAfterPerCapitaFen: number;
  guaranteesAfter: Guarantees;
  note?: string;
}

/** Records the plan's effect: per-capita net income and the guarantees after assistance. */
export function EffectModal({ plan, open, onClose, onSaved }: { plan: PlanView; open: boolean; onClose: () => void; onSaved: (p: PlanView) => void }) {
  const { t } = useTranslation();
  const initialValues = useMemo<Partial<Values>>(
    () =>
      plan.effect
        ? { incomeAfterPerCapitaFen: plan.effect.incomeAfterPerCapitaFen / 100, guaranteesAfter: plan.effect.guaranteesAfter, note: plan.effect.note ?? undefined }
        : { guaranteesAfter: Object.fromEntries(GUARANTEES.map((g) => [g, true])) as Guarantees },
    [plan],
  );
  return (
    <FormModal<Values>
      testId="effect-modal"
      title={plan.effect ? t('assistance.editEffect') : t('assistance.recordEffect')}
      open={open}
      onCancel={onClose}
      initialValues={initialValues}
      onSubmit={async (v) => {
        const saved = await assistanceApi.recordEffect(plan.id, {
          version: plan.version,
          incomeAfterPerCapitaFen: Math.round(v.incomeAfterPerCapitaFen * 100),
          guaranteesAfter: Object.fromEntries(GUARANTEES.map((g) => [g, Boolean(v.guaranteesAfter?.[g])])) as Guarantees,
          note: v.note?.trim() || undefined,
        });
        onSaved(saved);
      }}
    >
      <Form.Item name="incomeAfterPerCapitaFen" label={t('assistance.incomeAfter')} rules={[{ required: true, message: t('assistance.required', { field: t('assistance.incomeAfter') }) }]}>
        <InputNumber data-testid="effect-income" min={0} max={10_000_000} step={100} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('assistance.guaranteesAfter')} required>
        <Row gutter={[8, 0]}>
          {GUARANTEES.map((g) => (
            <Col span={12} key={g}>
              <Form.Item name={['guaranteesAfter', g]} valuePropName="checked" noStyle>
                <Checkbox data-testid={`effect-${g}`}>{t(`assistance.${g}`)}</Checkbox>
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form.Item>
      <Form.Item name="note" label={t('assistance.note')}>
        <Input.TextArea data-testid="effect-note" maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </FormModal>
  );
}
