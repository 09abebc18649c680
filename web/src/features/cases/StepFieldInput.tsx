import { Button, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { RISK_TYPES } from '../../../../src/modules/cases/domain/enums';
import type { StepField } from './step-fields';

/** One field of the step form, by kind (dates as YYYY-MM-DD inputs; checkers as a list of names). */
export function StepFieldInput({ field }: { field: StepField }) {
  const { t, i18n } = useTranslation();
  const label = t(`steps.f.${field.name.join('_')}`);
  const rules = field.required ? [{ required: true, message: label }] : [];
  const testId = `step-${field.name.join('-')}`;
  switch (field.kind) {
    case 'date':
      return <Form.Item name={field.name} label={label} rules={rules}><Input type="date" data-testid={testId} /></Form.Item>;
    case 'text':
      return <Form.Item name={field.name} label={label} rules={rules}><Input data-testid={testId} maxLength={200} /></Form.Item>;
    case 'textarea':
      return <Form.Item name={field.name} label={label} rules={rules} style={{ gridColumn: '1 / -1' }}><Input.TextArea data-testid={testId} autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} /></Form.Item>;
    case 'int':
      return <Form.Item name={field.name} label={label} rules={rules}><InputNumber data-testid={testId} min={0} precision={0} style={{ width: '100%' }} /></Form.Item>;
    case 'bool':
      return <Form.Item name={field.name} valuePropName="checked" label=" " colon={false}><Checkbox data-testid={testId}>{label}</Checkbox></Form.Item>;
    case 'select':
      return <Form.Item name={field.name} label={label} rules={rules}><Select data-testid={testId} options={(field.options ?? []).map((o) => ({ value: o, label: t(`steps.o.${o}`) }))} /></Form.Item>;
    case 'tags':
      return <Form.Item name={field.name} label={label} rules={rules}><Select data-testid={testId} mode="tags" /></Form.Item>;
    case 'risks':
      return <Form.Item name={field.name} label={label} rules={rules}><Select data-testid={testId} mode="multiple" maxCount={5} options={Object.entries(RISK_TYPES).map(([k, l]) => ({ value: k, label: i18n.language === 'en' ? l.en : l.zh }))} /></Form.Item>;
    case 'checkers':
      return (
        <Form.Item label={label} required style={{ gridColumn: '1 / -1' }}>
          <Form.List name={field.name}>
            {(items, { add }) => (
              <Space wrap>
                {items.map((item, i) => (
                  <Form.Item key={item.key} name={item.name} noStyle rules={i < 2 ? [{ required: true, message: label }] : []}>
                    <Input data-testid={`${testId}-${i}`} placeholder={t('steps.checker', { n: i + 1 })} style={{ width: 160 }} maxLength={50} />
                  </Form.Item>
                ))}
                <Button onClick={() => add('')}>{t('steps.addChecker')}</Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
      );
  }
}
