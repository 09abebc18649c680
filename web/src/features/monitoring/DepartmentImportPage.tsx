import { Alert, Button, Card, Descriptions, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApiErrorHandler } from '../../ui/errors';
import { monitoringApi, type DepartmentImportReport } from './api';
import { DEPARTMENT_LABELS, DEPARTMENTS } from './labels';

/** County administrators: a department's warning file → dry run → report → commit (all-or-nothing). */
export function DepartmentImportPage() {
  const { t, i18n } = useTranslation();
  const onError = useApiErrorHandler();
  const [department, setDepartment] = useState<string>('MEDICAL');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<DepartmentImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    try {
      setReport(await monitoringApi.importFile(department, file, dryRun));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  const lang = i18n.language;
  const ok = report !== null && report.problems.length === 0;
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('monitoring.deptTitle')}</Typography.Title>}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <span>{t('monitoring.department')}</span>
          <Select
            data-testid="dept-select"
            style={{ width: 220 }}
            value={department}
            onChange={(d) => { setDepartment(d); setReport(null); }}
            options={DEPARTMENTS.map((d) => ({ value: d, label: lang === 'en' ? DEPARTMENT_LABELS[d].en : DEPARTMENT_LABELS[d].zh }))}
          />
          <a href={monitoringApi.templateUrl(department)}>{t('monitoring.template')}</a>
        </Space>
        <Upload
          accept=".csv,.xlsx"
          maxCount={1}
          beforeUpload={(f) => { setFile(f); setReport(null); return false; }}
          onRemove={() => { setFile(null); setReport(null); }}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        >
          <Button data-testid="dept-choose">{t('monitoring.chooseFile')}</Button>
        </Upload>
        <Space>
          <Button data-testid="dept-dry-run" disabled={!file} loading={busy && !report} onClick={() => void run(true)}>{t('monitoring.dryRun')}</Button>
          <Button data-testid="dept-commit" type="primary" disabled={!ok || !report?.dryRun} loading={busy && report !== null} onClick={() => void run(false)}>{t('monitoring.commit')}</Button>
        </Space>
        {report && (
          <>
            {report.committed ? (
              <Alert type="success" data-testid="dept-committed" message={t('monitoring.committed', { created: report.cluesCreated, updated: report.cluesUpdated })} action={<Link to="/clues">{t('nav.clues')}</Link>} />
            ) : ok ? (
              <Alert type="info" data-testid="dept-ready" message={t('monitoring.noProblems')} />
            ) : (
              <Alert type="error" message={t('monitoring.hasProblems')} />
            )}
            <Descriptions size="small" bordered column={3} title={t('monitoring.report')}>
              <Descriptions.Item label={t('monitoring.rowsTotal')}>{report.rowsTotal}</Descriptions.Item>
              <Descriptions.Item label={t('monitoring.rowsValid')}>{report.rowsValid}</Descriptions.Item>
              <Descriptions.Item label={t('monitoring.rowsMatched')}>{report.rowsMatched}</Descriptions.Item>
              <Descriptions.Item label={t('monitoring.rowsUnmatched')}>{report.rowsUnmatched}</Descriptions.Item>
              <Descriptions.Item label={t('monitoring.cluesCreated')}>{report.cluesCreated}</Descriptions.Item>
              <Descriptions.Item label={t('monitoring.cluesUpdated')}>{report.cluesUpdated}</Descriptions.Item>
            </Descriptions>
            {report.problems.length > 0 && (
              <Table
                size="small"
                rowKey={(p) => `${p.row}:${p.column}:${p.code}`}
                dataSource={report.problems}
                pagination={false}
                columns={[
                  { title: t('monitoring.row'), dataIndex: 'row' },
                  { title: t('monitoring.column'), dataIndex: 'column' },
                  { title: t('monitoring.value'), dataIndex: 'value' },
                  { title: t('monitoring.reason'), dataIndex: 'reason' },
                ]}
              />
            )}
          </>
        )}
      </Space>
    </Card>
  );
}
