import { Alert, App as AntApp, Button, Card, Descriptions, Empty, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RISK_TYPES } from '../../../../src/modules/cases/domain/enums';
import { useMe } from '../access/session';
import { useApiErrorHandler } from '../../ui/errors';
import { formatYuan } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { statusLabel } from '../cases/i18n';
import { assistanceApi, type MeasureView, type PlanView } from './api';
import { EffectModal, GUARANTEES } from './EffectModal';
import { ImplementModal } from './ImplementModal';
import { MeasureModal, type MeasureDraft } from './MeasureModal';
import { measureCategoryLabel, measureStatusLabel } from './i18n';

/** Roles that make and change plans (the server's PLAN_ROLES); others read. */
const PLANNERS = new Set(['village_cadre', 'task_force', 'township_officer', 'county_admin']);
const STATUS_COLOR: Record<string, string> = { PLANNED: 'default', IMPLEMENTING: 'processing', IMPLEMENTED: 'success' };

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * The household's assistance plan (一户一策): measures from the 14 categories with the cadre, amount,
 * period and status; the measures its risks call for ("fill what is missing"); the first-measure
 * deadline; and the effect. Shown on the case page and at /assistance/:householdId.
 */
export function AssistancePlanPanel({ caseId, householdId, today }: { caseId?: number; householdId?: number; today?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const me = useMe();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const canPlan = PLANNERS.has(me.role);
  const day = today ?? localToday();
  const key = caseId ? `plan:case:${caseId}` : householdId ? `plan:household:${householdId}` : null;
  const result = useApi(key, () => (caseId ? assistanceApi.planOfCase(caseId) : assistanceApi.planOfHousehold(householdId!)));
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [editing, setEditing] = useState<{ measure?: MeasureView; draft?: MeasureDraft } | null>(null);
  const [implementing, setImplementing] = useState<MeasureView | null>(null);
  const [effectOpen, setEffectOpen] = useState(false);
  const [busy, setBusy] = useState<number | 'create' | null>(null);
  const [createForm] = Form.useForm<{ responsibleName: string }>();

  // The answer of the last change (plan made, effect recorded), else the last load.
  const current = plan ?? result.data ?? null;
  const reload = () => {
    setPlan(null);
    result.reload();
  };
  const riskLabel = (r: string) => {
    const l = RISK_TYPES[r as keyof typeof RISK_TYPES];
    return l ? (lang === 'en' ? l.en : l.zh) : t(`assistance.${r}`, { defaultValue: r });
  };

  const createPlan = async (v: { responsibleName: string }) => {
    if (!caseId) return;
    setBusy('create');
    try {
      setPlan(await assistanceApi.createPlan({ caseId, responsibleName: v.responsibleName.trim() }));
      message.success(t('assistance.created'));
    } catch (e) {
      onError(e, createForm);
    } finally {
      setBusy(null);
    }
  };
  const startImplementing = async (m: MeasureView) => {
    setBusy(m.id);
    try {
      await assistanceApi.setStatus(m.id, { status: 'IMPLEMENTING', version: m.version });
      message.success(t('assistance.implementingDone'));
      reload();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(null);
    }
  };

  if (result.error && !current) return <Alert type="error" message={result.error.message} />;
  if (!current && result.data === undefined) return <Card loading title={t('assistance.title')} />;
  if (!current) {
    return (
      <Card title={t('assistance.title')} data-testid="assistance-plan">
        {caseId && canPlan ? (
          <Form form={createForm} layout="inline" onFinish={(v) => void createPlan(v)} data-testid="plan-create-form">
            <Typography.Text type="secondary" style={{ marginRight: 16, lineHeight: '32px' }}>{t('assistance.noPlan')}</Typography.Text>
            <Form.Item name="responsibleName" label={t('assistance.responsibleName')} rules={[{ required: true, whitespace: true, message: t('assistance.required', { field: t('assistance.responsible') }) }]}>
              <Input data-testid="plan-responsible" maxLength={50} style={{ width: 180 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy === 'create'} data-testid="plan-create">{t('assistance.create')}</Button>
          </Form>
        ) : (
          <Empty description={caseId ? t('assistance.noPlan') : t('assistance.noPlanNoCase')} />
        )}
      </Card>
    );
  }

  const p = current;
  const columns: TableProps<MeasureView>['columns'] = [
    { title: t('assistance.category'), dataIndex: 'category', width: 150, render: (c: string) => measureCategoryLabel(c, lang) },
    { title: t('assistance.description'), dataIndex: 'description' },
    { title: t('assistance.responsible'), dataIndex: 'responsibleName', width: 110 },
    { title: t('assistance.amount'), dataIndex: 'amountFen', width: 120, align: 'right', render: (f: number) => formatYuan(f, lang, 2) },
    { title: t('assistance.period'), key: 'period', width: 200, render: (_: unknown, m) => (m.endDate ? `${m.startDate} – ${m.endDate}` : t('assistance.from', { date: m.startDate })) },
    {
      title: t('assistance.status'),
      dataIndex: 'status',
      width: 150,
      render: (s: string, m) => (
        <Space size={4} direction="vertical">
          <Tag color={STATUS_COLOR[s]} data-testid={`measure-status-${m.id}`}>{measureStatusLabel(s, lang)}</Tag>
          {m.implementedOn && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('assistance.implementedOn')} {m.implementedOn}</Typography.Text>}
        </Space>
      ),
    },
    ...(canPlan
      ? [
          {
            title: t('assistance.actions'),
            key: 'act',
            width: 190,
            render: (_: unknown, m: MeasureView) => (
              <Space size={4} wrap>
                {m.status === 'PLANNED' && (
                  <Popconfirm title={t('assistance.confirmImplementing')} onConfirm={() => void startImplementing(m)} okButtonProps={{ 'data-testid': 'confirm-implementing' } as never}>
                    <Button size="small" type="primary" loading={busy === m.id} data-testid={`measure-start-${m.id}`}>{t('assistance.startImplementing')}</Button>
                  </Popconfirm>
                )}
                {m.status === 'IMPLEMENTING' && (
                  <Button size="small" type="primary" data-testid={`measure-implemented-${m.id}`} onClick={() => setImplementing(m)}>{t('assistance.markImplemented')}</Button>
                )}
                {m.status !== 'IMPLEMENTED' && (
                  <Button size="small" data-testid={`measure-edit-${m.id}`} onClick={() => setEditing({ measure: m })}>{t('common.edit')}</Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      data-testid="assistance-plan"
      title={caseId ? t('assistance.title') : `${t('assistance.title')} · ${t('assistance.case')} ${p.caseId}`}
      extra={
        <Space>
          {householdId && caseId && <Link to={`/assistance/${householdId}`}>{t('assistance.openPlan')} ↗</Link>}
          {!caseId && <Link to={`/cases/${p.caseId}`}>{t('assistance.backToCase')}</Link>}
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('assistance.responsible')}>{p.responsibleName}</Descriptions.Item>
        <Descriptions.Item label={t('assistance.risks')}>{p.risks.map(riskLabel).join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('assistance.caseStatus')}>{statusLabel(p.caseStatus, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('assistance.firstDue')}>
          <span data-testid="plan-first-due">
            {p.firstMeasureDueOn ?? t('assistance.notDue')}{' '}
            {p.firstMeasureOverdue ? <Tag color="orange">{t('assistance.overdue')}</Tag> : p.measures.some((m) => m.status !== 'PLANNED') ? <Tag color="green">{t('assistance.started')}</Tag> : null}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('assistance.total')}>{formatYuan(p.totalAmountFen, lang, 2)} {t('assistance.yuan')}</Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('assistance.suggestions')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('assistance.suggestionsHelp')}</Typography.Paragraph>
      {p.uncoveredRisks.length > 0 ? (
        <Alert style={{ marginBottom: 8 }} type="warning" showIcon message={t('assistance.uncovered', { risks: p.uncoveredRisks.map(riskLabel).join('、') })} data-testid="plan-uncovered" />
      ) : (
        <Alert style={{ marginBottom: 8 }} type="success" showIcon message={t('assistance.allCovered')} />
      )}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(230px, 1fr))', gap: 8, marginBottom: 16 }}>
        {p.suggestions.map((s) => (
          <Card key={s.category} size="small" data-testid={`suggestion-${s.category}`} styles={{ body: { padding: '8px 12px' } }}>
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                <Typography.Text strong>{measureCategoryLabel(s.category, lang)}</Typography.Text>
                {s.covered ? (
                  <Tag color="green">{t('assistance.covered')}</Tag>
                ) : canPlan ? (
                  <Button size="small" type="link" style={{ padding: 0 }} data-testid={`suggestion-add-${s.category}`} onClick={() => setEditing({ draft: { category: s.category, responsibleName: p.responsibleName, startDate: day } })}>
                    {t('assistance.addThis')}
                  </Button>
                ) : null}
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('assistance.because')}: {s.because.map(riskLabel).join('、')}</Typography.Text>
            </Space>
          </Card>
        ))}
      </div>

      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('assistance.measures')}</Typography.Title>
        {canPlan && <Button data-testid="measure-add" onClick={() => setEditing({ draft: { responsibleName: p.responsibleName, startDate: day } })}>{t('assistance.addMeasure')}</Button>}
      </Space>
      <Table<MeasureView> rowKey="id" size="small" columns={columns} dataSource={p.measures} pagination={false} locale={{ emptyText: t('assistance.noMeasures') }} scroll={{ x: 900 }} data-testid="measure-table" />

      <Space style={{ justifyContent: 'space-between', width: '100%', margin: '16px 0 8px' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('assistance.effect')}</Typography.Title>
        {canPlan && <Button data-testid="effect-record" onClick={() => setEffectOpen(true)}>{p.effect ? t('assistance.editEffect') : t('assistance.recordEffect')}</Button>}
      </Space>
      {p.effect ? (
        <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="plan-effect">
          <Descriptions.Item label={t('assistance.incomeAfter')}>{formatYuan(p.effect.incomeAfterPerCapitaFen, lang, 2)} {t('assistance.yuan')}</Descriptions.Item>
          <Descriptions.Item label={t('assistance.recordedOn')}>{p.effect.recordedOn}</Descriptions.Item>
          <Descriptions.Item label={t('assistance.guaranteesAfter')} span={2}>
            <Space size={[4, 4]} wrap>
              {GUARANTEES.map((g) => (
                <Tag key={g} color={p.effect!.guaranteesAfter[g] ? 'green' : 'red'}>{t(`assistance.${g}`)}：{p.effect!.guaranteesAfter[g] ? t('assistance.ok') : t('assistance.notOk')}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
          {p.effect.note && <Descriptions.Item label={t('assistance.note')} span={2}>{p.effect.note}</Descriptions.Item>}
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('assistance.noEffect')}</Typography.Text>
      )}

      <MeasureModal
        planId={p.id}
        measure={editing?.measure}
        draft={editing?.draft}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          message.success(editing?.measure ? t('assistance.measureSaved') : t('assistance.measureAdded'));
          setEditing(null);
          reload();
        }}
      />
      <ImplementModal
        measure={implementing}
        today={day}
        open={implementing !== null}
        onClose={() => setImplementing(null)}
        onSaved={() => {
          message.success(t('assistance.implementedDone'));
          setImplementing(null);
          reload();
        }}
      />
      <EffectModal
        plan={p}
        open={effectOpen}
        onClose={() => setEffectOpen(false)}
        onSaved={(saved) => {
          message.success(t('assistance.effectSaved'));
          setEffectOpen(false);
          setPlan(saved);
        }}
      />
    </Card>
  );
}
