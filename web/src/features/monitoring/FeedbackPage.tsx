import { Button, Card, Form, Input, Radio, Result, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LEVELS, RISK_TYPES } from '../../../../src/modules/monitoring/contract';
import { useApiErrorHandler } from '../../ui/errors';
import { riskLabel } from './labels';
import { monitoringPagesApi, type FeedbackRequest } from './monitoring-pages-api';
import { RiskEventVillagePicker } from './RiskEventVillagePicker';
import { VisitHouseholdSelect, type PickedHousehold } from './VisitHouseholdSelect';

interface Values {
  kind: FeedbackRequest['kind'];
  ticketNo: string;
  callerName?: string;
  householdId?: number;
  villageCode?: string;
  riskTypes: FeedbackRequest['riskTypes'];
  level: FeedbackRequest['level'];
  description: string;
}

/**
 * 12317 热线 / 监督反馈: county staff enter a hotline call or a supervision work order. The household
 * is found by name, household number or ID number; when the caller is not in the registry, the
 * village is chosen instead. Each risk becomes a clue of the supervision-feedback channel.
 */
export function FeedbackPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [household, setHousehold] = useState<PickedHousehold | null>(null);
  const [done, setDone] = useState<{ clueIds: number[]; ticketNo: string; householdId?: number } | null>(null);

  const picked = (h: PickedHousehold | null) => {
    setHousehold(h);
    if (h) form.setFieldsValue({ villageCode: h.villageCode });
  };

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const r = await monitoringPagesApi.recordFeedback({
        kind: v.kind,
        ticketNo: v.ticketNo.trim(),
        callerName: v.callerName?.trim() || undefined,
        householdId: v.householdId,
        villageCode: household?.villageCode ?? v.villageCode!,
        riskTypes: v.riskTypes,
        level: v.level,
        description: v.description,
      });
      setDone({ clueIds: r.clueIds, ticketNo: v.ticketNo.trim(), householdId: v.householdId });
    } catch (e) {
      onError(e, form);
    } finally {
      setBusy(false);
    }
  };

  const title = <Typography.Title level={4} style={{ margin: 0 }}>{t('monitoringPages.feedback.heading')}</Typography.Title>;
  if (done)
    return (
      <Card title={title}>
        <Result
          status="success"
          title={t('monitoringPages.feedback.recorded', { ticket: done.ticketNo })}
          subTitle={<span data-testid="feedback-result">{t('monitoringPages.createdClues', { count: done.clueIds.length, ids: done.clueIds.map((id) => `#${id}`).join('、') })}</span>}
          extra={
            <Space wrap>
              <Link to={done.householdId ? `/clues?householdId=${done.householdId}` : '/clues?channel=SUPERVISION_FEEDBACK'} data-testid="feedback-to-clues">
                <Button type="primary">{t('monitoringPages.toClueList')}</Button>
              </Link>
              <Button
                data-testid="feedback-another"
                onClick={() => {
                  setDone(null);
                  setHousehold(null);
                  form.resetFields();
                }}
              >
                {t('monitoringPages.feedback.another')}
              </Button>
            </Space>
          }
        />
      </Card>
    );

  return (
    <Card title={title}>
      <Typography.Paragraph type="secondary">{t('monitoringPages.feedback.intro')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" style={{ maxWidth: 760 }} initialValues={{ kind: 'HOTLINE_12317', level: 'YELLOW', riskTypes: [] }} onFinish={(v) => void submit(v)} data-testid="feedback-form">
        <Form.Item name="kind" label={t('monitoringPages.feedback.kind')} rules={[{ required: true }]}>
          <Radio.Group data-testid="feedback-kind" optionType="button" options={[{ value: 'HOTLINE_12317', label: t('monitoringPages.feedback.hotline') }, { value: 'SUPERVISION', label: t('monitoringPages.feedback.supervision') }]} />
        </Form.Item>
        <Space size="large" align="start" wrap>
          <Form.Item name="ticketNo" label={t('monitoringPages.feedback.ticketNo')} style={{ minWidth: 280 }} rules={[{ required: true, whitespace: true, message: t('monitoringPages.feedback.ticketRequired') }, { max: 60 }]}>
            <Input data-testid="feedback-ticket" maxLength={60} />
          </Form.Item>
          <Form.Item name="callerName" label={t('monitoringPages.feedback.caller')} style={{ minWidth: 220 }} rules={[{ max: 40 }]}>
            <Input data-testid="feedback-caller" maxLength={40} />
          </Form.Item>
        </Space>
        <Form.Item name="householdId" label={t('monitoringPages.feedback.household')} extra={t('monitoringPages.feedback.householdHelp')}>
          <VisitHouseholdSelect testId="feedback-household" onPicked={picked} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.householdId !== b.householdId}>
          {({ getFieldValue }) =>
            getFieldValue('householdId') && household ? (
              <Form.Item label={t('monitoringPages.feedback.village')}>
                <Typography.Text data-testid="feedback-village-of-household">{`${household.townshipName ?? ''} ${household.villageName}`.trim()}</Typography.Text>
              </Form.Item>
            ) : (
              <Form.Item name="villageCode" label={t('monitoringPages.feedback.village')} rules={[{ required: true, message: t('monitoringPages.feedback.villageRequired') }]}>
                <RiskEventVillagePicker<string> single testId="feedback-village" />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item name="riskTypes" label={t('monitoringPages.feedback.risks')} rules={[{ required: true, type: 'array', min: 1, message: t('monitoringPages.feedback.risksRequired') }, { type: 'array', max: 5, message: t('monitoringPages.maxRisks') }]}>
          <Select data-testid="feedback-risks" mode="multiple" maxCount={5} options={RISK_TYPES.map((r) => ({ value: r, label: riskLabel(r, lang) }))} />
        </Form.Item>
        <Form.Item name="level" label={t('monitoringPages.level')}>
          <Radio.Group data-testid="feedback-level" options={LEVELS.map((l) => ({ value: l, label: t(`monitoring.level${l}`) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('monitoringPages.feedback.description')} rules={[{ required: true, whitespace: true, message: t('monitoringPages.feedback.descriptionRequired') }, { max: 4000 }]}>
          <Input.TextArea data-testid="feedback-description" rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="feedback-submit">
          {t('monitoringPages.feedback.submit')}
        </Button>
      </Form>
    </Card>
  );
}
