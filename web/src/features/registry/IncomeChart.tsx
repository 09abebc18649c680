import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type EChartOption } from '../../ui/EChart';
import { thresholdYuan } from '../parameters/threshold';
import type { IncomeRecord } from './api';

/** Per-capita net income over the years as bars, with the monitoring threshold of each year as a line. */
export function IncomeChart({ incomes, divisionCode }: { incomes: IncomeRecord[]; divisionCode: string }) {
  const { t } = useTranslation();
  const option = useMemo<EChartOption>(() => {
    const years = incomes.map((r) => String(r.year));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: years },
      yAxis: { type: 'value', name: t('profile.incomes.yuanPerPerson') },
      series: [
        { name: t('profile.incomes.perCapitaNet'), type: 'bar', data: incomes.map((r) => r.perCapitaNetFen / 100), itemStyle: { color: '#1a7f5a' } },
        {
          name: t('profile.incomes.threshold'),
          type: 'line',
          step: 'middle',
          data: incomes.map((r) => thresholdYuan(divisionCode, r.year)),
          lineStyle: { color: '#d4380d', type: 'dashed' },
          itemStyle: { color: '#d4380d' },
          symbol: 'none',
        },
      ],
    };
  }, [incomes, divisionCode, t]);
  return <EChart option={option} height={280} testId="income-chart" />;
}
