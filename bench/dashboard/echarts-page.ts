// The peer: the same three charts (trend on two axes, bars by category, ranking bars) drawn
// with Apache ECharts (tree-shaken, SVG renderer, no animation), switched by setOption.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { DashboardData } from '../../packages/dashboard/src/shared/types.js';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, AriaComponent, SVGRenderer]);

const box = (w: number, h: number) => {
  const d = document.createElement('div');
  d.style.cssText = `width:${w}px;height:${h}px;display:inline-block`;
  document.body.append(d);
  return echarts.init(d, null, { renderer: 'svg' });
};
const trend = box(800, 340), cats = box(420, 340), rank = box(420, 340);

function show(d: DashboardData): void {
  const base = { animation: false, aria: { enabled: true } };
  trend.setOption({
    ...base, title: { text: '案件趋势' }, legend: {}, tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: d.trend.map((p) => p.period) },
    yAxis: [{ type: 'value' }, { type: 'value', min: 'dataMin', max: 1 }],
    series: [
      { name: '采集数', type: 'line', areaStyle: {}, data: d.trend.map((p) => p.cases), showSymbol: false },
      { name: '办结数', type: 'line', data: d.trend.map((p) => p.closed), showSymbol: false, lineStyle: { type: 'dashed' } },
      { name: '办结率', type: 'line', yAxisIndex: 1, data: d.trend.map((p) => p.rate), lineStyle: { type: 'dotted' } },
    ],
  }, true);
  const byValue = [...d.breakdown].sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
  cats.setOption({
    ...base, title: { text: '类别分布' }, tooltip: {}, grid: { left: 90 },
    xAxis: { type: 'value' }, yAxis: { type: 'category', data: byValue.map((b) => b.label) },
    series: [{ type: 'bar', data: byValue.map((b) => b.value), label: { show: true, position: 'right' } }],
  }, true);
  const key = Object.keys(d.children[0]?.values ?? {})[0] ?? 'banjieRate';
  const rows = [...d.children].sort((a, b) => (a.values[key] ?? 0) - (b.values[key] ?? 0));
  rank.setOption({
    ...base, title: { text: '下级排名' }, tooltip: {}, grid: { left: 110 },
    xAxis: { type: 'value' }, yAxis: { type: 'category', data: rows.map((r) => r.name) },
    series: [{ type: 'bar', data: rows.map((r) => r.values[key]), label: { show: true, position: 'right' } }],
  }, true);
}

(window as unknown as Record<string, unknown>).jc = { show };
