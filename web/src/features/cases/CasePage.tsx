import { Alert, Button, Card, Descriptions, Form, Input, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useApiErrorHandler } from '../../ui/errors';
import { useApi } from '../../ui/use-api';
import { casesApi } from './api';
import { evidenceTemplate } from './evidence-templates';
import { statusLabel } from './i18n';

const todayLocal = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A case: facts, full timeline with each step's evidence, its notices (print), and the next step form. */
export function CasePage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const caseId = Number(id);
  const onError = useApiErrorHandler();
  const result = useApi(`case:${caseId}`, () => casesApi.page(caseId));
  const [action, setAction] = useState<string | undefined>();
  const [evidence, setEvidence] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const data = result.data;
  const actions = useMemo(() => data?.case.allowedActions ?? [], [data]);

  const choose = (a: string) => {
    setAction(a);
    setEvidence(JSON.stringify(evidenceTemplate(a, todayLocal()), null, 2));
    setJsonError(null);
  };
  const submit = async () => {
    if (!data || !action) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(evidence || '{}');
    } catch {
      setJsonError(t('cases.invalidJson'));
      return;
    }
    setBusy(true);
    try {
      await casesApi.transition(caseId, { action, version: data.case.version, evidence: parsed, note: note || undefined });
      setAction(undefined);
      setNote('');
      result.reload();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  if (result.error && !data) return <Alert type="error" message={result.error.message} />;
  if (!data) return <Card loading />;
  const c = data.case;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{`${t('nav.cases')} ${c.id} · ${statusLabel(c.status, i18n.language)}`}</Typography.Title>}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('cases.household')}>{c.householdNo}</Descriptions.Item>
          <Descriptions.Item label={t('cases.head')}>{c.headName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('cases.category')}>{c.category}</Descriptions.Item>
          <Descriptions.Item label={t('cases.risks')}>{c.risks.join(', ')}</Descriptions.Item>
          <Descriptions.Item label={t('cases.channel')}>{c.channel}</Descriptions.Item>
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
          <Form layout="vertical" onFinish={submit}>
            <Form.Item label={t('cases.action')}>
              <Select value={action} onChange={choose} options={actions.map((a) => ({ value: a, label: a }))} style={{ maxWidth: 320 }} />
            </Form.Item>
            {action && (
              <>
                <Form.Item label={t('cases.evidenceJson')} validateStatus={jsonError ? 'error' : undefined} help={jsonError}>
                  <Input.TextArea value={evidence} onChange={(e) => setEvidence(e.target.value)} autoSize={{ minRows: 6, maxRows: 24 }} style={{ fontFamily: 'monospace' }} />
                </Form.Item>
                <Form.Item label={t('cases.note')}>
                  <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy}>{t('cases.submit')}</Button>
              </>
            )}
          </Form>
        )}
      </Card>
      <Card title={t('cases.notices')}>
        {data.notices.map((n) => (
          <div key={n.id}>
            {n.kind} · {n.procedure} · {n.startDate}{n.endDate ? ` – ${n.endDate}` : ''}{n.documentNo ? ` · ${n.documentNo}` : ''}{' '}
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
                <Typography.Text strong>{e.onDate} · {e.action}</Typography.Text> — {e.fromStatus ? statusLabel(e.fromStatus, i18n.language) : ''} → {statusLabel(e.toStatus, i18n.language)} · {e.actorName} ({e.actorRole})
                {e.note && <div>{e.note}</div>}
                <details>
                  <summary>{t('cases.evidence')}</summary>
                  <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>{JSON.stringify(e.evidence, null, 2)}</pre>
                </details>
              </div>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
