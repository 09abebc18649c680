import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type EChartOption } from '../../ui/EChart';
import { formatYuan } from '../../ui/format';
import type { RegistryOverview } from '../registry/api';

const OPEN_BIN_WIDTH_FEN = 100_000;

/**
 * Households by per-capita net income (1000-yuan bins) on a value axis, so the year's monitoring
 * threshold can be drawn exactly where it falls; bins below it are red.
 */
export function IncomeHistogram({ overview, onRendered }: { overview: RegistryOverview; onRendered?: () => void }) {
  const { t, i18n } = useTranslation();
  const option = useMemo<EChartOption>(() => {
    const bins = overview.histogram;
    const threshold = overview.thresholdFen;
    const last = bins.length ? bins[bins.length - 1] : null;
    const maxFen = last ? (last.toFen ?? last.fromFen + OPEN_BIN_WIDTH_FEN) : 100_000;
    const data = bins.map((b) => {
      const to = b.toFen ?? b.fromFen + OPEN_BIN_WIDTH_FEN;
      const below = threshold !== null && to <= threshold;
      const straddles = threshold !== null && b.fromFen < threshold && to > threshold;
      return {
        value: [(b.fromFen + to) / 200, b.households],
        itemStyle: { color: below ? '#cf1322' : straddles ? '#fa8c16' : '#1a7f5a' },
        name: b.toFen === null ? `≥ ${b.fromFen / 100}` : `${b.fromFen / 100}–${b.toFen / 100}`,
      };
    });
    return {
      // No entry animation: the chart is complete (and its 'finished' event fires) on first paint.
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const item = p as { name: string; value: [number, number] };
          return `${item.name} ${t('common.yuan')}<br/>${t('dashboard.histogram.households')}: ${item.value[1]}`;
        },
      },
      grid: { left: 56, right: 24, top: 36, bottom: 40 },
      xAxis: { type: 'value', min: 0, max: maxFen / 100, name: t('dashboard.histogram.xAxis'), nameLocation: 'middle', nameGap: 26 },
      yAxis: { type: 'value', name: t('dashboard.histogram.households') },
      series: [
        {
          type: 'bar',
          barWidth: '92%',
          data,
          markLine:
            threshold === null
              ? undefined
              : {
                  symbol: 'none',
                  lineStyle: { color: '#a8071a', type: 'dashed', width: 2 },
                  label: { formatter: t('dashboard.histogram.threshold', { yuan: formatYuan(threshold, i18n.language) }), position: 'insideEndTop' },
                  data: [{ xAxis: threshold / 100 }],
                },
        },
      ],
    };
  }, [overview, t, i18n.language]);
  return <EChart option={option} height={320} testId="income-histogram" onRendered={onRendered} />;
}
