import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { registryApi, type GuaranteeChange, type GuaranteeStatus } from './api';

type Values = Omit<GuaranteeChange, 'version'>;
export const GUARANTEE_FLAGS = ['foodClothingOk', 'housingUnsafe', 'dropoutChild', 'memberUninsured', 'waterUnsafe'] as const;

export function GuaranteeModal({ householdId, version, status, open, onClose, onSaved }: { householdId: number; version: number; status: GuaranteeStatus | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const initialValues = useMemo<Partial<Values>>(
    () =>
      status
        ? {
            foodClothingOk: status.foodClothingOk,
            housingUnsafe: status.housingUnsafe,
            houseGrade: status.houseGrade,
            dropoutChild: status.dropoutChild,
            memberUninsured: status.memberUninsured,
            waterUnsafe: status.waterUnsafe,
            waterLitersPerDay: status.waterLitersPerDay,
            waterTripMinutes: status.waterTripMinutes,
            waterInterruptionDays: status.waterInterruptionDays,
          }
        : { foodClothingOk: true, housingUnsafe: false, dropoutChild: false, memberUninsured: false, waterUnsafe: false },
    [status],
  );
  return (
    <FormModal<Values>
      testId="guarantee-edit"
      width={640}
      title={t('profile.guarantee.edit')}
      open={open}
      onCancel={onClose}
      initialValues={initialValues}
      onSubmit={async (v) => {
        await registryApi.putGuarantee(householdId, { ...v, version });
        onSaved();
      }}
    >
      <Row gutter={12}>
        {GUARANTEE_FLAGS.map((f) => (
          <Col span={8} key={f}>
            <Form.Item name={f} label={t(`profile.guarantee.${f}`)} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        ))}
        <Col span={8}>
          <Form.Item name="houseGrade" label={t('profile.guarantee.houseGrade')}>
            <Select allowClear options={['A', 'B', 'C', 'D'].map((g) => ({ value: g, label: g }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="waterLitersPerDay" label={t('profile.guarantee.waterLitersPerDay')}>
            <InputNumber min={0} max={1000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="waterTripMinutes" label={t('profile.guarantee.waterTripMinutes')}>
            <InputNumber min={0} max={1440} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="waterInterruptionDays" label={t('profile.guarantee.waterInterruptionDays')}>
            <InputNumber min={0} max={366} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="reason" label={t('profile.reason')}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
