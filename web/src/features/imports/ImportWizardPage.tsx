import { CheckCircleOutlined, DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Progress, Result, Space, Steps, Table, Typography, Upload } from 'antd';
import type { TableProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApiErrorHandler } from '../../ui/errors';
import { formatCount } from '../../ui/format';
import { importsApi, pollJob, type ImportJob, type ImportRowError } from './api';

type Stage = 'upload' | 'checking' | 'report' | 'committing' | 'done';

/**
 * Import wizard (county administrators): template → upload (dry run) → progress → error report
 * (fix the file and upload again) → commit, all-or-nothing.
 */
export function ImportWizardPage() {
  const { t, i18n } = useTranslation();
  const onError = useApiErrorHandler();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [people, setPeople] = useState<File | null>(null);
  const [incomes, setIncomes] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>('upload');
  const [job, setJob] = useState<ImportJob | null>(null);
  const [busy, setBusy] = useState(false);
  const cancelled = useRef(false);
  useEffect(
    () => () => {
      cancelled.current = true;
    },
    [],
  );

  const run = async (start: () => Promise<ImportJob>, during: Stage, after: Stage) => {
    setBusy(true);
    // A new check replaces the previous report at once: while the file is being sent, the old
    // report (of another file) must not stay on screen as if it were this file's.
    if (during === 'checking') {
      setJob(null);
      setStage('checking');
    }
    try {
      const first = await start();
      setJob(first);
      setStage(during);
      const last = await pollJob(first.id, setJob, () => cancelled.current);
      setStage(last.status === 'failed' ? 'report' : after);
    } catch (e) {
      onError(e);
      setStage((s) => (s === 'committing' ? 'report' : 'upload'));
    } finally {
      setBusy(false);
    }
  };

  const check = () => people && void run(() => importsApi.upload(people, incomes, true), 'checking', 'report');
  const commit = () => job && void run(() => importsApi.commit(job.id), 'committing', 'done');
  const restart = () => {
    setJob(null);
    setPeople(null);
    setIncomes(null);
    setStage('upload');
  };

  const summary = job?.summary ?? null;
  const stepIndex = { upload: 0, checking: 1, report: 2, committing: 3, done: 3 }[stage];

  const errorColumns: TableProps<ImportRowError & { key: number }>['columns'] = [
    { title: t('imports.errors.table'), dataIndex: 'table', width: 90, render: (v: string) => t(`imports.tables.${v}`, { defaultValue: v }) },
    { title: t('imports.errors.row'), dataIndex: 'row', width: 70 },
    { title: t('imports.errors.column'), dataIndex: 'column', width: 140 },
    { title: t('imports.errors.value'), dataIndex: 'value', width: 200, render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v || '—'}</span> },
    { title: t('imports.errors.reason'), dataIndex: 'reason' },
  ];

  const fileInput = (label: string, file: File | null, set: (f: File | null) => void, testId: string, required: boolean) => (
    <div data-testid={testId}>
    <Upload.Dragger
      accept=".csv,.xlsx,.txt"
      multiple={false}
      maxCount={1}
      beforeUpload={(f) => {
        set(f);
        return false;
      }}
      onRemove={() => set(null)}
      fileList={file ? [{ uid: '1', name: file.name, size: file.size, status: 'done' }] : []}
      style={{ padding: 8 }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{label}</p>
      <p className="ant-upload-hint">{required ? t('imports.upload.requiredHint') : t('imports.upload.optionalHint')}</p>
    </Upload.Dragger>
    </div>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="import-wizard">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('imports.title')}
      </Typography.Title>
      <Steps
        current={stepIndex}
        items={[{ title: t('imports.steps.upload') }, { title: t('imports.steps.check') }, { title: t('imports.steps.report') }, { title: t('imports.steps.commit') }]}
      />
      <Card size="small" title={t('imports.template.title')}>
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => importsApi.template('xlsx', 'people', lang).catch(onError)} data-testid="template-xlsx">
            {t('imports.template.xlsx')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => importsApi.template('csv', 'people', lang).catch(onError)}>
            {t('imports.template.csvPeople')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => importsApi.template('csv', 'incomes', lang).catch(onError)}>
            {t('imports.template.csvIncomes')}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('imports.template.note')}
        </Typography.Paragraph>
      </Card>

      {(stage === 'upload' || stage === 'report') && (
        <Card size="small" title={stage === 'report' ? t('imports.upload.again') : t('imports.upload.title')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
              {fileInput(t('imports.upload.people'), people, setPeople, 'upload-people', true)}
              {fileInput(t('imports.upload.incomes'), incomes, setIncomes, 'upload-incomes', false)}
            </div>
            <Button type="primary" disabled={!people} loading={busy} onClick={check} data-testid="import-check">
              {t('imports.upload.check')}
            </Button>
          </Space>
        </Card>
      )}

      {(stage === 'checking' || stage === 'committing') && (
        <Card size="small" title={stage === 'checking' ? t('imports.progress.checking') : t('imports.progress.committing')} data-testid="import-progress">
          <Progress percent={Math.round((job?.progress ?? 0) * 100)} status="active" />
          <Typography.Text type="secondary">{job?.phase ? t(`imports.phases.${job.phase}`, { defaultValue: job.phase }) : t('imports.phases.queued')}</Typography.Text>
        </Card>
      )}

      {stage === 'report' && job?.status === 'failed' && job.error && (
        <Alert type="error" showIcon message={job.error.message} description={job.error.details.map((d) => `${d.path}: ${d.message}`).join('; ') || undefined} data-testid="import-failed" />
      )}

      {stage === 'report' && summary && (
        <Card size="small" title={t('imports.report.title', { file: summary.fileName })} data-testid="import-report">
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('imports.report.rows')}>{t('imports.report.rowCounts', { people: formatCount(summary.rows.people, lang), incomes: formatCount(summary.rows.incomes, lang) })}</Descriptions.Item>
            <Descriptions.Item label={t('imports.report.encoding')}>{summary.encoding ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('imports.report.errorCount')}>
              <Typography.Text type={summary.errorCount ? 'danger' : 'success'} strong data-testid="import-error-count">
                {formatCount(summary.errorCount, lang)}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          {summary.errorCount > 0 ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Alert type="error" showIcon message={t('imports.report.hasErrors', { count: summary.errorCount })} />
              <Space>
                <Button icon={<DownloadOutlined />} onClick={() => importsApi.errorReport(job!.id, 'xlsx', lang).catch(onError)} data-testid="error-report-xlsx">
                  {t('imports.report.downloadXlsx')}
                </Button>
                <Button icon={<DownloadOutlined />} onClick={() => importsApi.errorReport(job!.id, 'csv', lang).catch(onError)}>
                  {t('imports.report.downloadCsv')}
                </Button>
              </Space>
              <Table
                size="small"
                rowKey="key"
                columns={errorColumns}
                dataSource={summary.errors.map((e, i) => ({ ...e, key: i }))}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                data-testid="import-errors"
                footer={summary.errors.length < summary.errorCount ? () => t('imports.report.firstErrors', { shown: summary.errors.length, count: summary.errorCount }) : undefined}
              />
            </Space>
          ) : (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Alert type="success" showIcon message={t('imports.report.clean')} />
              {summary.counts && <Counts counts={summary.counts} />}
              <Button type="primary" icon={<CheckCircleOutlined />} loading={busy} onClick={commit} data-testid="import-commit">
                {t('imports.report.commit')}
              </Button>
            </Space>
          )}
        </Card>
      )}

      {stage === 'done' && summary && (
        <Result
          status="success"
          data-testid="import-done"
          title={t('imports.done.title')}
          subTitle={summary.counts ? <Counts counts={summary.counts} /> : null}
          extra={[
            <Link key="list" to="/households">
              <Button type="primary">{t('imports.done.toList')}</Button>
            </Link>,
            <Button key="again" icon={<ReloadOutlined />} onClick={restart}>
              {t('imports.done.again')}
            </Button>,
          ]}
        />
      )}
    </Space>
  );
}

function Counts({ counts }: { counts: NonNullable<ImportJob['summary']>['counts'] & object }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatCount(v, i18n.language);
  return (
    <Descriptions size="small" column={1} bordered data-testid="import-counts">
      {(['households', 'persons', 'incomes'] as const).map((k) => (
        <Descriptions.Item key={k} label={t(`imports.counts.${k}`)}>
          {t('imports.counts.line', { inserted: n(counts[k].inserted), updated: n(counts[k].updated), unchanged: n(counts[k].unchanged) })}
          {k === 'persons' && counts.persons.removed ? ` · ${t('imports.counts.removed', { removed: n(counts.persons.removed) })}` : ''}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
