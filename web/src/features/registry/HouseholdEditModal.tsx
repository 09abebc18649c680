import { Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { HOUSEHOLD_TYPE_CODES, registryApi, type Household } from './api';
import { codeLabel } from './labels';

interface Values {
  householdType: Household['householdType'];
  address: string | null;
  phone: string | null;
  isRelocated: boolean;
  isMilitaryFamily: boolean;
  reason?: string;
}

export function HouseholdEditModal({ household, open, onClose, onSaved }: { household: Household; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal<Values>
      testId="household-edit"
      title={t('profile.editHousehold')}
      open={open}
      onCancel={onClose}
      initialValues={{ householdType: household.householdType, address: household.address, phone: household.phone, isRelocated: household.isRelocated, isMilitaryFamily: household.isMilitaryFamily }}
      onSubmit={async (v) => {
        await registryApi.update(household.id, { ...v, address: v.address || null, phone: v.phone || null, version: household.version });
        onSaved();
      }}
    >
      <Form.Item name="householdType" label={t('households.type')} rules={[{ required: true }]}>
        <Select options={HOUSEHOLD_TYPE_CODES.map((c) => ({ value: c, label: codeLabel(t, 'householdType', c) }))} />
      </Form.Item>
      <Form.Item name="address" label={t('profile.address')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="phone" label={t('profile.phone')}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="isRelocated" label={t('households.relocated')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="isMilitaryFamily" label={t('profile.militaryFamily')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="reason" label={t('profile.reason')}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </FormModal>
  );
}
