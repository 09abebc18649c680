import { Card, Col, Empty, Row, Select, Space, Statistic, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatShare, formatYuan } from '../../ui/format';
import { PageSpin } from '../../ui/PageSpin';
import { useApi } from '../../ui/use-api';
import { prefixOf, type Division } from '../divisions/api';
import { useCurrentDivision } from '../divisions/current-division';
import { registryApi, type RegistryOverview } from '../registry/api';
import { YEARS } from '../registry/years';
import { ChildStatsTable } from './ChildStatsTable';
import { IncomeHistogram } from './IncomeHistogram';

// Drawn after the KPI cards and the histogram (see drawRest): the map's code (d3 geometry) loads in
// parallel and is evaluated off the path to the first useful paint. (The table stays in this chunk:
// as its own chunk it made the bundler split shared antd code out of the first load, +3 kB gzip.)
const CountyMap = lazy(() => import('./map/CountyMap').then((m) => ({ default: m.CountyMap })));

type Child = RegistryOverview['children'][number];

declare global {
  interface Window {
    /** performance.now() when the dashboard's KPI cards and histogram were first rendered (read by the e2e timing). */
    __dashboardInteractiveMs?: number;
  }
}

/** County overview: KPI cards, income histogram against the threshold, the schematic map, child divisions. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const { current, setCurrent } = useCurrentDivision();
  const [year, setYear] = useState<number | undefined>(undefined);
  const prefix = current ? prefixOf(current) : null;
  // The overview prefetched at start-up (see prefetch.ts), when it has already arrived: drawn in the first render.
  const [prefetched] = useState(() => (prefix ? registryApi.prefetchedOverview(prefix, undefined) : undefined));
  const overview = useApi(prefix ? `${prefix}|${year ?? ''}` : null, () => registryApi.overview(prefix!, year), { initial: prefetched });
  const firstPrefix = useRef(prefix);
  useEffect(() => {
    if (firstPrefix.current) registryApi.forgetPrefetchedOverview(firstPrefix.current, undefined);
  }, []);
  const marked = useRef(false);
  // The map and the sub-division table are drawn after the KPI cards and the histogram have painted.
  const [drawRest, setDrawRest] = useState(false);

  const onChartRendered = useCallback(() => {
    if (marked.current) return;
    marked.current = true;
    performance.mark('dashboard-interactive');
    window.__dashboardInteractiveMs = performance.now();
    setTimeout(() => setDrawRest(true), 0);
  }, []);
  useEffect(() => {
    if (overview.data && !overview.data.histogram.length) onChartRendered();
  }, [overview.data, onChartRendered]);

  const drill = (c: Child) => {
    if (!current) return;
    const d: Division = { code: c.code, prefix: c.prefix, name: c.name, level: current.level + 1, parentCode: current.code };
    setCurrent(d);
  };

  if (!current || (!overview.data && overview.loading)) return <PageSpin />;
  if (overview.error && !overview.data) return <Typography.Text type="danger">{overview.error.message}</Typography.Text>;
  const o = overview.data!;
  const lang = i18n.language;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="dashboard">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('dashboard.title', { name: o.division.name, year: o.year })}
        </Typography.Title>
        <Space>
          {t('common.year')}
          <Select value={year ?? o.year} style={{ width: 100 }} options={YEARS.map((y) => ({ value: y, label: String(y) }))} onChange={setYear} data-testid="dashboard-year" />
        </Space>
      </Space>
      <Row gutter={[12, 12]} data-testid="kpi-cards">
        {(
          [
            ['households', o.households],
            ['people', o.people],
            ['formerlyPoor', o.formerlyPoor],
            ['relocated', o.relocated],
          ] as const
        ).map(([key, value]) => (
          <Col xs={12} md={6} key={key}>
            <Card size="small">
              <Statistic title={t(`dashboard.kpi.${key}`)} value={formatCount(value, lang)} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={13}>
          <Card size="small" title={t('dashboard.histogram.title', { year: o.year })}>
            {o.histogram.length ? <IncomeHistogram overview={o} onRendered={onChartRendered} /> : <Empty description={t('dashboard.histogram.empty')} />}
            <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} data-testid="below-threshold">
              {o.thresholdFen === null
                ? t('dashboard.histogram.noThreshold')
                : t('dashboard.histogram.below', {
                    threshold: formatYuan(o.thresholdFen, lang),
                    count: o.belowThreshold,
                    countText: formatCount(o.belowThreshold, lang),
                    share: formatShare(o.shareBelowThreshold, lang),
                    withIncome: formatCount(o.householdsWithIncome, lang),
                  })}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <Card size="small" title={t(current.level === 3 ? 'dashboard.map.townships' : 'dashboard.map.villages')}>
            {!drawRest ? (
              <PageSpin />
            ) : current.level === 3 || current.level === 4 ? (
              <Suspense fallback={<PageSpin />}>
                <CountyMap division={current} items={o.children} onSelect={drill} />
              </Suspense>
            ) : (
              <Typography.Text type="secondary">{t('dashboard.map.unavailable')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      {drawRest && o.children.length > 0 && (
        <Card size="small" title={t('dashboard.children.title')}>
          <ChildStatsTable items={o.children} onSelect={drill} />
        </Card>
      )}
    </Space>
  );
}
