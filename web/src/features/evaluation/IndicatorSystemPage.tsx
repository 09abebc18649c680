import { DownloadOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, InputNumber, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../access/session';
import { useApiErrorHandler } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { PageSpin } from '../../ui/PageSpin';
import { useApi } from '../../ui/use-api';
import { useCurrentDivision } from '../divisions/current-division';
import { revitalisationApi, type IndicatorImportReport, type IndicatorSystem, type IndicatorSystemInput } from './RevitalisationApi';
import './RevitalisationI18n';

const R = 'evaluation.revitalisation';
type Pillar = IndicatorSystem['pillars'][number];
type Indicator = Pillar['indicators'][number];
const MODES = ['entropy', 'equal', 'fixed'] as const;
const DIRECTIONS = ['benefit', 'cost', 'middle', 'interval'] as const;

/**
 * The county's indicator system as a tree (system → pillar → indicator): weighting of the pillars and
 * within each pillar, direction and fixed weights of each indicator (county administrators edit and
 * save; everyone else reads), and the import of indicator values with a dry run and its error report.
 */
export function IndicatorSystemPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const me = useMe();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const { current } = useCurrentDivision();
  const county = current && current.level >= 3 ? current.code.slice(0, 6) : null;
  const loaded = useApi(county ? `system|${county}` : null, () => revitalisationApi.system(county!));
  const [draft, setDraft] = useState<IndicatorSystem | null>(null);
  useEffect(() => setDraft(loaded.data ?? null), [loaded.data]);
  const canEdit = me.role === 'county_admin';
  const [saving, setSaving] = useState(false);

  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<IndicatorImportReport | null>(null);
  const [busy, setBusy] = useState(false);

  if (!county) return <Empty description={t(`${R}.chooseArea`)} />;
  if (loaded.loading && !draft) return <PageSpin />;
  if (!draft) return loaded.error ? <Alert type="error" showIcon message={loaded.error.message} /> : <PageSpin />;

  const setPillar = (k: number, patch: Partial<Pillar>) => setDraft({ ...draft, pillars: draft.pillars.map((p, i) => (i === k ? { ...p, ...patch } : p)) });
  const setIndicator = (k: number, code: string, patch: Partial<Indicator>) =>
    setPillar(k, { indicators: draft.pillars[k].indicators.map((ind) => (ind.code === code ? { ...ind, ...patch } : ind)) });

  const save = async () => {
    setSaving(true);
    try {
      const { countyCode: _c, isDefault: _d, updatedAt: _u, updatedBy: _b, ...rest } = draft;
      const saved = await revitalisationApi.saveSystem(county, rest as IndicatorSystemInput);
      setDraft(saved);
      message.success(t(`${R}.system.saved`, { version: saved.version }));
    } catch (e) {
      onError(e);
    } finally {
      setSaving(false);
    }
  };

  const runImport = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await revitalisationApi.importValues(file, dryRun);
      setReport(r);
      if (r.committed) message.success(t(`${R}.import.committed`, { written: r.valuesWritten, replaced: r.valuesReplaced }));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  const indicatorColumns = (k: number, pillar: Pillar): TableProps<Indicator>['columns'] => [
    { title: t(`${R}.system.code`), dataIndex: 'code', width: 300, render: (v: string) => <Typography.Text code style={{ fontSize: 12 }}>{v}</Typography.Text> },
    { title: t(`${R}.indicator`), key: 'name', render: (_: unknown, r) => (en ? r.nameEn : r.nameZh) },
    { title: t(`${R}.system.unit`), dataIndex: 'unit', width: en ? 130 : 80, render: (v: string) => (en ? t(`${R}.system.units.${v}`, { defaultValue: v }) : v) },
    {
      title: t(`${R}.system.direction`),
      dataIndex: 'direction',
      width: 250,
      render: (v: Indicator['direction'], r) =>
        canEdit ? (
          <Space size={4} wrap>
            <Select
              size="small"
              value={v}
              style={{ width: 90 }}
              onChange={(d) => setIndicator(k, r.code, { direction: d })}
              options={DIRECTIONS.map((d) => ({ value: d, label: t(`${R}.system.directions.${d}`) }))}
              data-testid={`direction-${r.code}`}
            />
            {v === 'middle' && (
              <InputNumber size="small" style={{ width: 80 }} placeholder={t(`${R}.system.best`)} value={r.best ?? undefined} onChange={(x) => setIndicator(k, r.code, { best: x ?? null })} />
            )}
            {v === 'interval' && (
              <>
                <InputNumber size="small" style={{ width: 70 }} placeholder={t(`${R}.system.lower`)} value={r.lower ?? undefined} onChange={(x) => setIndicator(k, r.code, { lower: x ?? null })} />
                <InputNumber size="small" style={{ width: 70 }} placeholder={t(`${R}.system.upper`)} value={r.upper ?? undefined} onChange={(x) => setIndicator(k, r.code, { upper: x ?? null })} />
              </>
            )}
          </Space>
        ) : (
          <Tag color={v === 'cost' ? 'volcano' : 'green'}>
            {t(`${R}.system.directions.${v}`)}
            {v === 'middle' && r.best !== null ? ` ${r.best}` : ''}
            {v === 'interval' && r.lower !== null ? ` [${r.lower}, ${r.upper}]` : ''}
          </Tag>
        ),
    },
    ...(pillar.weightMode === 'fixed'
      ? [
          {
            title: t(`${R}.system.fixedWeight`),
            key: 'fixedWeight',
            width: 110,
            render: (_: unknown, r: Indicator) => (
              <InputNumber size="small" min={0} step={0.05} value={r.fixedWeight ?? undefined} disabled={!canEdit} onChange={(v) => setIndicator(k, r.code, { fixedWeight: v ?? null })} />
            ),
          },
        ]
      : []),
    { title: t(`${R}.system.source`), dataIndex: 'source', width: 150, render: (v: Indicator['source']) => <Tag color={v === 'computed' ? 'blue' : 'default'}>{t(`${R}.system.sources.${v}`)}</Tag> },
    { title: t(`${R}.system.reference`), dataIndex: 'reference', ellipsis: true, render: (v: string) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{v}</Typography.Text> },
  ];

  const problemColumns: TableProps<IndicatorImportReport['problems'][number]>['columns'] = [
    { title: t(`${R}.import.row`), dataIndex: 'row', width: 70 },
    { title: t(`${R}.import.column`), dataIndex: 'column', width: 130 },
    { title: t(`${R}.import.value`), dataIndex: 'value', width: 200, ellipsis: true },
    { title: t(`${R}.import.reason`), dataIndex: 'reason' },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="indicator-system-page">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t(`${R}.system.title`)} · {en ? draft.nameEn : draft.nameZh}
        </Typography.Title>
        <Space wrap>
          {t(`${R}.system.systemWeightMode`)}
          <Select
            value={draft.weightMode}
            disabled={!canEdit}
            style={{ width: 120 }}
            onChange={(m) => setDraft({ ...draft, weightMode: m })}
            options={MODES.map((m) => ({ value: m, label: t(`${R}.system.modes.${m}`) }))}
          />
          {canEdit && (
            <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()} data-testid="save-system">
              {t(`${R}.system.save`)}
            </Button>
          )}
        </Space>
      </Space>
      {draft.isDefault ? (
        <Alert type="info" showIcon message={t(`${R}.system.default`)} />
      ) : (
        <Typography.Text type="secondary">{t(`${R}.system.version`, { version: draft.version, by: draft.updatedBy ?? '', at: draft.updatedAt ? formatDateTime(draft.updatedAt, i18n.language) : '' })}</Typography.Text>
      )}
      {!canEdit && <Typography.Text type="secondary">{t(`${R}.system.readOnly`)}</Typography.Text>}
      {draft.pillars.map((p, k) => (
        <Card
          key={p.code}
          size="small"
          title={
            <Space>
              {en ? p.nameEn : p.nameZh}
              <Tag color={p.role === 'consolidation' ? 'purple' : 'cyan'}>{t(`${R}.system.roles.${p.role}`)}</Tag>
            </Space>
          }
          extra={
            <Space size="small">
              {t(`${R}.system.weightMode`)}
              <Select size="small" value={p.weightMode} disabled={!canEdit} style={{ width: 110 }} onChange={(m) => setPillar(k, { weightMode: m })} options={MODES.map((m) => ({ value: m, label: t(`${R}.system.modes.${m}`) }))} data-testid={`mode-${p.code}`} />
              {draft.weightMode === 'fixed' && p.role === 'revitalisation' && (
                <>
                  {t(`${R}.system.fixedWeight`)}
                  <InputNumber size="small" min={0} step={0.05} value={p.fixedWeight ?? undefined} disabled={!canEdit} onChange={(v) => setPillar(k, { fixedWeight: v ?? null })} />
                </>
              )}
            </Space>
          }
          styles={{ body: { padding: 0 } }}
        >
          <Table<Indicator> rowKey="code" size="small" pagination={false} columns={indicatorColumns(k, p)} dataSource={p.indicators} />
        </Card>
      ))}

      <Card size="small" title={t(`${R}.import.title`)} data-testid="indicator-import">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t(`${R}.import.help`)}</Typography.Text>
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => revitalisationApi.template(county, 'xlsx').catch(onError)}>
              {t(`${R}.import.templateXlsx`)}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => revitalisationApi.template(county, 'csv').catch(onError)}>
              {t(`${R}.import.templateCsv`)}
            </Button>
          </Space>
          {canEdit ? (
            <Space wrap>
              <Upload
                accept=".csv,.xlsx"
                maxCount={1}
                beforeUpload={(f) => {
                  setFile(f);
                  setReport(null);
                  return false;
                }}
                onRemove={() => {
                  setFile(null);
                  setReport(null);
                }}
              >
                <Button icon={<UploadOutlined />}>{t(`${R}.import.choose`)}</Button>
              </Upload>
              <Button disabled={!file} loading={busy} onClick={() => void runImport(true)} data-testid="dry-run">
                {t(`${R}.import.dryRun`)}
              </Button>
              <Button type="primary" disabled={!file || !report || !report.dryRun || report.problems.length > 0} loading={busy} onClick={() => void runImport(false)} data-testid="commit">
                {t(`${R}.import.commit`)}
              </Button>
            </Space>
          ) : (
            <Typography.Text type="secondary">{t(`${R}.system.readOnly`)}</Typography.Text>
          )}
          {report && report.problems.length > 0 && (
            <>
              <Alert type="error" showIcon message={t(`${R}.import.problems`, { count: report.problems.length })} />
              <Table rowKey={(p) => `${p.row}|${p.column}|${p.code}`} size="small" columns={problemColumns} dataSource={report.problems} pagination={{ pageSize: 20 }} data-testid="import-problems" />
            </>
          )}
          {report && report.problems.length === 0 && !report.committed && (
            <Alert type="success" showIcon message={t(`${R}.import.ok`, { rows: report.rowsValid, divisions: report.divisions, years: report.years.join(', '), replaced: report.valuesReplaced })} />
          )}
          {report?.committed && <Alert type="success" showIcon message={t(`${R}.import.committed`, { written: report.valuesWritten, replaced: report.valuesReplaced })} />}
        </Space>
      </Card>
    </Space>
  );
}
