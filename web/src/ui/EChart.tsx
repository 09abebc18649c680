import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export type EChartOption = Parameters<echarts.ECharts['setOption']>[0];

/** One ECharts instance (bar and line charts only, SVG renderer) sized to its box. */
export function EChart({ option, height = 300, testId, onRendered }: { option: EChartOption; height?: number; testId?: string; onRendered?: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current!;
    const c = echarts.init(el, undefined, { renderer: 'svg' });
    chart.current = c;
    // The observer also reports the size the chart was just created at: resize (and redraw) only on a change.
    let size = `${el.clientWidth}x${el.clientHeight}`;
    const resize = new ResizeObserver(() => {
      const now = `${el.clientWidth}x${el.clientHeight}`;
      if (now === size) return;
      size = now;
      c.resize();
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    if (onRendered) c.on('finished', () => {
      c.off('finished');
      onRendered();
    });
    c.setOption(option, true);
  }, [option, onRendered]);

  return <div ref={box} style={{ width: '100%', height }} data-testid={testId} />;
}
