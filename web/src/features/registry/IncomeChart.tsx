import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type EChartOption } from '../../ui/EChart';
import { thresholdsYuan } from '../parameters/threshold';
import type { IncomeRecord } from './api';

/** Per-capita net income over the years as bars, with the monitoring threshold of each year as a line. */
export function IncomeChart({ incomes, divisionCode }: { incomes: IncomeRecord[]; divisionCode: string }) {
  const { t } = useTranslation();
  const [thresholds, setThresholds] = useState<Map<number, number | null>>(new Map());
  const yearsKey = incomes.map((r) => r.year).join(',');
  useEffect(() => {
    let cancelled = false;
    void thresholdsYuan(divisionCode, yearsKey ? yearsKey.split(',').map(Number) : []).then((m) => !cancelled && setThresholds(m));
    return () => {
      cancelled = true;
    };
  }, [divisionCode, yearsKey]);

  const option = useMemo<EChartOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: incomes.map((r) => String(r.year)) },
      yAxis: { type: 'value', name: t('profile.incomes.yuanPerPerson') },
      series: [
        { name: t('profile.incomes.perCapitaNet'), type: 'bar', data: incomes.map((r) => r.perCapitaNetFen / 100), itemStyle: { color: '#1a7f5a' } },
        {
          name: t('profile.incomes.threshold'),
          type: 'line',
          step: 'middle',
          data: incomes.map((r) => thresholds.get(r.year) ?? null),
          lineStyle: { color: '#d4380d', type: 'dashed' },
          itemStyle: { color: '#d4380d' },
          symbol: 'none',
        },
      ],
    }),
    [incomes, thresholds, t],
  );
  return <EChart option={option} height={280} testId="income-chart" />;
}
