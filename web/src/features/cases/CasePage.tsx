import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useApiErrorHandler } from '../../ui/errors';
import { useApi } from '../../ui/use-api';
import { casesApi } from './api';
import { initialValues, stepFields, toEvidence } from './step-fields';
import { StepFieldInput } from './StepFieldInput';
import { EvidenceList } from './EvidenceList';
import { codeLabel as label, risksLabel, statusLabel } from './i18n';
import { CHANNELS, MONITORING_CATEGORIES } from '../../../../src/modules/cases/domain/enums';
import { AssistancePlanPanel } from '../assistance/AssistancePlanPanel';

/** Statuses in which the household has (or may get) an assistance plan; with 先帮扶后认定 from home verification on. */
const PLAN_STATUSES = new Set(['ANNOUNCED', 'MONITORING', 'ELIM_PROPOSED', 'ELIM_VERIFYING', 'ELIM_REVIEW', 'ELIM_PUBLICITY', 'ELIM_TOWNSHIP', 'ELIM_COUNTY', 'ELIMINATED']);
const ASSIST_FIRST_STATUSES = new Set(['VERIFYING', 'COMPARING', 'VILLAGE_REVIEW', 'PUBLICITY', 'TOWNSHIP_REVIEW', 'COUNTY_APPROVAL']);

/** A case: facts, full timeline with each step's evidence, its notices (print), and the next step form. */
export function CasePage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const caseId = Number(id);
  const onError = useApiErrorHandler();
  const result = useApi(`case:${caseId}`, () => casesApi.page(caseId));
  const [action, setAction] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const data = result.data;
  const actions = useMemo(() => data?.case.allowedActions ?? [], [data]);
  const fields = useMemo(() => (action && data ? stepFields(action, data.case.status) : []), [action, data]);

  const choose = (a: string) => {
    setAction(a);
    form.resetFields();
    form.setFieldsValue(initialValues(stepFields(a, data?.case.status ?? ''), data?.today ?? ''));
  };
  const submit = async (values: Record<string, unknown>) => {
    if (!data || !action) return;
    setBusy(true);
    try {
      await casesApi.transition(caseId, { action, version: data.case.version, evidence: toEvidence(action, values), note: note || undefined });
      message.success(t('steps.done', { action: t(`steps.a.${action}`) }));
      setAction(undefined);
      setNote('');
      form.resetFields();
      result.reload();
    } catch (e) {
      onError(e, form);
    } finally {
      setBusy(false);
    }
  };

  if (result.error && !data) return <Alert type="error" message={result.error.message} />;
  if (!data) return <Card loading />;
  const c = data.case;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('cases.title', { id: c.id, status: statusLabel(c.status, i18n.language) })}</Typography.Title>}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('cases.household')}>{c.householdNo}</Descriptions.Item>
          <Descriptions.Item label={t('cases.head')}>{c.headName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('cases.category')}>{label(MONITORING_CATEGORIES, c.category, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.risks')}>{risksLabel(c.risks, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.channel')}>{label(CHANNELS, c.channel, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.due')}>{c.dueOn ?? '—'} {c.overdue && <Tag color="orange">{t('cases.overdue')}</Tag>}</Descriptions.Item>
          <Descriptions.Item label={t('cases.identified')}>{c.identifiedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('cases.eliminated')}>{c.eliminatedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('cases.version')}>{c.version}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('cases.action')}>
        {actions.length === 0 ? (
          <Typography.Text type="secondary">{t('cases.noActions')}</Typography.Text>
        ) : (
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v as Record<string, unknown>)} data-testid="step-form">
            <Form.Item label={t('cases.action')}>
              <Select data-testid="step-action" value={action} onChange={choose} placeholder={t('cases.choose')} options={actions.map((a) => ({ value: a, label: t(`steps.a.${a}`) }))} style={{ maxWidth: 360 }} />
            </Form.Item>
            {action && (
              <>
                <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', columnGap: 16 }}>
                  {fields.map((f) => (
                    <StepFieldInput key={f.name.join('.')} field={f} />
                  ))}
                </div>
                <Form.Item label={t('cases.note')}>
                  <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy} data-testid="step-submit">{t('cases.submit')}</Button>
              </>
            )}
          </Form>
        )}
      </Card>
      {(PLAN_STATUSES.has(c.status) || (c.assistFirst && ASSIST_FIRST_STATUSES.has(c.status))) && <AssistancePlanPanel caseId={c.id} householdId={c.householdId} today={data.today} />}
      <Card title={t('cases.notices')}>
        {data.notices.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
        {data.notices.map((n) => (
          <div key={n.id}>
            {t(`steps.n.${n.kind}_${n.procedure}`)} · {n.startDate}{n.endDate ? ` – ${n.endDate}` : ''}{n.documentNo ? ` · ${n.documentNo}` : ''}{' '}
            <a href={casesApi.noticePrintUrl(n.id, 'zh-CN')} target="_blank" rel="noreferrer">{t('cases.print')}</a>{' · '}
            <a href={casesApi.noticePrintUrl(n.id, 'en')} target="_blank" rel="noreferrer">{t('cases.printEn')}</a>
          </div>
        ))}
      </Card>
      <Card title={t('cases.timeline')}>
        <Timeline
          items={data.timeline.map((e) => ({
            children: (
              <div>
                <Typography.Text strong>{e.onDate} · {t(`steps.a.${e.action}`, { defaultValue: e.action })}</Typography.Text> — {e.fromStatus ? statusLabel(e.fromStatus, i18n.language) : ''} → {statusLabel(e.toStatus, i18n.language)} · {t('cases.byActor', { name: e.actorName, role: t(`roles.${e.actorRole}`, { defaultValue: e.actorRole }) })}
                {e.note && <div>{e.note}</div>}
                <details>
                  <summary>{t('cases.evidence')}</summary>
                  <EvidenceList evidence={e.evidence} action={e.action} status={e.fromStatus ?? ''} />
                </details>
              </div>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
