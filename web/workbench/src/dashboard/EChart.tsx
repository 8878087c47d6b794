import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Locale } from '../../../../core/i18n/locale.ts';

// One ECharts chart, tree-shaken to the parts the dashboard draws. The canvas renderer and the
// tooltip drawn in the canvas ('richText') keep ECharts from writing style attributes into the
// page, which its Content-Security-Policy forbids; the container is sized through CSSOM.

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, AriaComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** The chart with ECharts' own description for screen readers (aria), redrawn when its option or size changes. */
export function EChart({ option, label, height, locale }: { option: ChartOption; label: string; height: number; locale: Locale }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current!;
    el.style.height = `${height}px`;
    const instance = echarts.init(el, null, { renderer: 'canvas', locale: locale === 'zh-CN' ? 'ZH' : 'EN' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [locale, height]);

  useEffect(() => {
    chart.current?.setOption({
      // ECharts describes the series in words on the container (aria-label), after the chart's name.
      aria: { enabled: true, label: { general: { withoutTitle: `${label}${locale === 'zh-CN' ? '。' : '. '}` } } },
      tooltip: { renderMode: 'richText', confine: true },
      animation: false,
      ...option,
    }, true);
  }, [option, label, locale, height]);

  return <div ref={box} className="wb-chart" role="img" aria-label={label} />;
}
