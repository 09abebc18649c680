import { AutoComplete, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS, LEVELS, type RiskEvent } from '../../../../src/modules/monitoring/contract';
import { FormModal } from '../../ui/FormModal';
import { RiskEventVillagePicker, expandVillages } from './RiskEventVillagePicker';
import { monitoringPagesApi } from './monitoring-pages-api';
import { EVENT_SUBTYPES, INDUSTRY_SUGGESTIONS } from './risk-event-labels';

interface Values {
  kind: (typeof EVENT_KINDS)[number];
  subtype?: string;
  title: string;
  description?: string;
  occurredOn: Dayjs;
  severity: (typeof LEVELS)[number];
  industry?: string;
  villageCodes: string[];
}

/**
 * Records a natural disaster, market shock, epidemic or other event for villages of the user's scope.
 * Checked in the browser first (required fields, no future date, an industry for a market shock);
 * the server's field errors land on the same fields.
 */
export function RiskEventForm({ open, today, onClose, onRecorded }: { open: boolean; today: string; onClose: () => void; onRecorded: (e: RiskEvent) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const initial = useMemo<Partial<Values>>(() => ({ kind: 'NATURAL_DISASTER', severity: 'YELLOW', occurredOn: dayjs(today) }), [today]);
  const submit = async (v: Values) => {
    const villageCodes = await expandVillages(v.villageCodes);
    const created = await monitoringPagesApi.recordEvent({
      kind: v.kind,
      subtype: v.subtype || undefined,
      title: v.title,
      description: v.description ?? '',
      occurredOn: v.occurredOn.format('YYYY-MM-DD'),
      severity: v.severity,
      industry: v.kind === 'MARKET_SHOCK' ? v.industry : undefined,
      villageCodes,
    });
    onRecorded(created);
  };
  return (
    <FormModal<Values> title={t('monitoringPages.events.recordTitle')} open={open} onCancel={onClose} onSubmit={submit} initialValues={initial} width={680} testId="event-form">
      {(form) => (
        <>
          <Form.Item name="kind" label={t('monitoringPages.events.kind')} rules={[{ required: true, message: t('monitoringPages.required') }]}>
            <Radio.Group data-testid="event-kind" optionType="button" onChange={() => form.setFieldValue('subtype', undefined)} options={EVENT_KINDS.map((k) => ({ value: k, label: t(`monitoringPages.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
            {({ getFieldValue }) => {
              const kind = getFieldValue('kind') as Values['kind'];
              return (
                <>
                  <Form.Item name="subtype" label={t('monitoringPages.events.subtype')} rules={[{ required: kind === 'NATURAL_DISASTER', message: t('monitoringPages.events.subtypeRequired') }]}>
                    <Select data-testid="event-subtype" allowClear options={Object.entries(EVENT_SUBTYPES[kind] ?? {}).map(([code, l]) => ({ value: code, label: l[lang] }))} />
                  </Form.Item>
                  {kind === 'MARKET_SHOCK' && (
                    <Form.Item name="industry" label={t('monitoringPages.events.industry')} rules={[{ required: true, whitespace: true, message: t('monitoringPages.events.industryRequired') }, { max: 40 }]}>
                      <AutoComplete data-testid="event-industry" options={INDUSTRY_SUGGESTIONS.map((s) => ({ value: s[lang] }))} filterOption={(input, o) => String(o?.value ?? '').includes(input)} />
                    </Form.Item>
                  )}
                </>
              );
            }}
          </Form.Item>
          <Form.Item name="title" label={t('monitoringPages.events.title')} rules={[{ required: true, whitespace: true, message: t('monitoringPages.events.titleRequired') }, { max: 200 }]}>
            <Input data-testid="event-title" maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label={t('monitoringPages.events.description')} rules={[{ max: 4000 }]}>
            <Input.TextArea data-testid="event-description" rows={3} maxLength={4000} />
          </Form.Item>
          <div style={{ display: 'flex', gap: 16 }}>
            <Form.Item
              name="occurredOn"
              label={t('monitoringPages.events.occurredOn')}
              style={{ flex: 1 }}
              rules={[
                { required: true, message: t('monitoringPages.required') },
                { validator: async (_, d: Dayjs | undefined) => (d && d.format('YYYY-MM-DD') > today ? Promise.reject(new Error(t('monitoringPages.notFuture'))) : undefined) },
              ]}
            >
              <DatePicker data-testid="event-date" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="severity" label={t('monitoringPages.events.severity')} style={{ flex: 1 }} rules={[{ required: true }]}>
              <Radio.Group data-testid="event-severity" options={LEVELS.map((l) => ({ value: l, label: t(`monitoring.level${l}`) }))} />
            </Form.Item>
          </div>
          <Form.Item name="villageCodes" label={t('monitoringPages.events.villages')} extra={t('monitoringPages.events.villagesHelp')} rules={[{ required: true, type: 'array', min: 1, message: t('monitoringPages.events.villagesRequired') }]}>
            <RiskEventVillagePicker testId="event-villages" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
