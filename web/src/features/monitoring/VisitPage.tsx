import { Alert, Button, Card, DatePicker, Form, Input, Radio, Result, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { LEVELS, RISK_TYPES } from '../../../../src/modules/monitoring/contract';
import { useApiErrorHandler } from '../../ui/errors';
import { useMe } from '../access/session';
import { riskLabel } from './labels';
import { monitoringPagesApi, type Visit } from './monitoring-pages-api';
import { chinaToday } from './RiskEventsPage';
import { VisitHouseholdSelect, type PickedHousehold } from './VisitHouseholdSelect';

interface Values {
  householdId: number;
  visitedOn: Dayjs;
  visitors: string[];
  riskTypes: string[];
  level: (typeof LEVELS)[number];
  note: string;
}

/**
 * 干部走访排查: a home visit with what the visitors found; each risk found becomes (or joins) a clue of
 * the cadre-screening channel. Reached from an event's household list, from the clue list or the menu.
 */
export function VisitPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const me = useMe();
  const onError = useApiErrorHandler();
  const [params] = useSearchParams();
  const eventId = params.get('event');
  const fromClues = params.get('from') === 'clues';
  const initialHousehold = Number(params.get('householdId')) || undefined;
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ visit: Visit; household: PickedHousehold | null } | null>(null);
  const [household, setHousehold] = useState<PickedHousehold | null>(null);
  const today = chinaToday();

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const visit = await monitoringPagesApi.recordVisit({
        householdId: v.householdId,
        visitedOn: v.visitedOn.format('YYYY-MM-DD'),
        visitors: v.visitors.map((s) => s.trim()).filter(Boolean),
        riskTypes: v.riskTypes as Visit['riskTypes'],
        level: v.level,
        note: v.note,
      });
      setDone({ visit, household });
    } catch (e) {
      onError(e, form);
    } finally {
      setBusy(false);
    }
  };

  const back = eventId ? (
    <Link to={`/monitoring/events?event=${eventId}`} data-testid="back-to-event">{t('monitoringPages.visit.backToEvent')}</Link>
  ) : fromClues ? (
    <Link to="/clues">{t('monitoringPages.visit.backToClues')}</Link>
  ) : null;

  if (done) {
    const { visit } = done;
    return (
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('monitoringPages.visit.heading')}</Typography.Title>}>
        <Result
          status="success"
          title={t('monitoringPages.visit.recorded', { id: visit.id })}
          subTitle={
            <span data-testid="visit-result">
              {done.household ? `${done.household.householdNo} · ${done.household.headName ?? ''} · ` : ''}
              {visit.clueIds.length
                ? t('monitoringPages.createdClues', { count: visit.clueIds.length, ids: visit.clueIds.map((id) => `#${id}`).join('、') })
                : t('monitoringPages.visit.noRisk')}
            </span>
          }
          extra={
            <Space wrap>
              {visit.clueIds.length > 0 && (
                <Link to={`/clues?householdId=${visit.householdId}`} data-testid="visit-to-clues">
                  <Button type="primary">{t('monitoringPages.toClueList')}</Button>
                </Link>
              )}
              <Button
                data-testid="visit-another"
                onClick={() => {
                  setDone(null);
                  form.resetFields();
                }}
              >
                {t('monitoringPages.visit.another')}
              </Button>
              {back}
            </Space>
          }
        />
      </Card>
    );
  }

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('monitoringPages.visit.heading')}</Typography.Title>} extra={back}>
      <Typography.Paragraph type="secondary">{t('monitoringPages.visit.intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 760 }}
        initialValues={{ householdId: initialHousehold, visitedOn: dayjs(today), visitors: [me.displayName], riskTypes: [], level: 'YELLOW', note: '' }}
        onFinish={(v) => void submit(v)}
        data-testid="visit-form"
      >
        <Form.Item name="householdId" label={t('monitoringPages.household.label')} rules={[{ required: true, message: t('monitoringPages.household.required') }]}>
          <VisitHouseholdSelect testId="visit-household" onPicked={setHousehold} />
        </Form.Item>
        <Space size="large" align="start" wrap>
          <Form.Item
            name="visitedOn"
            label={t('monitoringPages.visit.visitedOn')}
            rules={[
              { required: true, message: t('monitoringPages.required') },
              { validator: async (_, d: Dayjs | undefined) => (d && d.format('YYYY-MM-DD') > today ? Promise.reject(new Error(t('monitoringPages.notFuture'))) : undefined) },
            ]}
          >
            <DatePicker data-testid="visit-date" />
          </Form.Item>
          <Form.Item
            name="visitors"
            label={t('monitoringPages.visit.visitors')}
            style={{ minWidth: 360 }}
            extra={t('monitoringPages.visit.visitorsHelp')}
            rules={[
              { required: true, type: 'array', min: 1, message: t('monitoringPages.visit.visitorsRequired') },
              { type: 'array', max: 10, message: t('monitoringPages.visit.visitorsMax') },
            ]}
          >
            <Select data-testid="visit-visitors" mode="tags" open={false} tokenSeparators={[',', '，', '、', ' ']} />
          </Form.Item>
        </Space>
        <Form.Item name="riskTypes" label={t('monitoringPages.visit.risksFound')} extra={t('monitoringPages.visit.risksHelp')} rules={[{ type: 'array', max: 5, message: t('monitoringPages.maxRisks') }]}>
          <Select data-testid="visit-risks" mode="multiple" maxCount={5} allowClear options={RISK_TYPES.map((r) => ({ value: r, label: riskLabel(r, lang) }))} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.riskTypes !== b.riskTypes}>
          {({ getFieldValue }) =>
            (getFieldValue('riskTypes') as string[] | undefined)?.length ? (
              <Form.Item name="level" label={t('monitoringPages.level')}>
                <Radio.Group data-testid="visit-level" options={LEVELS.map((l) => ({ value: l, label: t(`monitoring.level${l}`) }))} />
              </Form.Item>
            ) : (
              <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('monitoringPages.visit.noRiskHint')} />
            )
          }
        </Form.Item>
        <Form.Item name="note" label={t('monitoringPages.visit.findings')} rules={[{ required: true, whitespace: true, message: t('monitoringPages.visit.findingsRequired') }, { max: 4000 }]}>
          <Input.TextArea data-testid="visit-note" rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="visit-submit">
          {t('monitoringPages.visit.submit')}
        </Button>
      </Form>
    </Card>
  );
}
