/** ECharts for the home page: only the chart types and components used here (keeps the bundle small). */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, type BarSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TitleComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { CenterStatus, Dashboard } from '../../../electron/core/contract/index.js';
import { INDICATORS } from '../../../electron/core/contract/centers-labels.js';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

export const FONT_FAMILY =
  "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";
const BLUE = '#1677ff';
const base = { animation: false, textStyle: { fontFamily: FONT_FAMILY } } as const;
const STATUS_COLORS: Record<CenterStatus, string> = { active: '#52c41a', rectifying: '#fa8c16', revoked: '#bfbfbf' };
const PALETTE = ['#1677ff', '#13c2c2', '#52c41a', '#faad14', '#fa541c', '#eb2f96', '#722ed1', '#2f54eb', '#a0d911', '#8c8c8c'];

/** 各年度申报数量 (bar). */
export function byYearOption(rows: Dashboard['applicationsByYear']): ChartOption {
  return {
    ...base,
    grid: { left: 16, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${String(v)}件` },
    xAxis: { type: 'category', data: rows.map((r) => `${r.year}年`) },
    yAxis: { type: 'value', name: '申报数（件）', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: '申报数',
        barMaxWidth: 48,
        data: rows.map((r) => r.count),
        itemStyle: { color: BLUE, borderRadius: [3, 3, 0, 0] },
        label: { show: true, position: 'top' },
      },
    ],
  };
}

/** 各区县申报数量 (horizontal bar, largest on top). */
export function byDistrictOption(rows: Dashboard['applicationsByDistrict']): ChartOption {
  return {
    ...base,
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${String(v)}件` },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: '申报数',
        barMaxWidth: 22,
        data: rows.map((r) => r.count),
        itemStyle: { color: '#13c2c2', borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right' },
      },
    ],
  };
}

/** 各产业申报数量 (pie). */
export function byIndustryOption(rows: Dashboard['applicationsByIndustry']): ChartOption {
  return {
    ...base,
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}：{c}件（{d}%）' },
    legend: { type: 'scroll', orient: 'vertical', right: 8, top: 'middle', itemWidth: 12, itemHeight: 12, textStyle: { fontSize: 12 } },
    series: [
      {
        type: 'pie',
        name: '产业',
        radius: ['0%', '68%'],
        center: ['36%', '52%'],
        data: rows.map((r) => ({ name: r.name, value: r.count })),
        label: { formatter: '{c}件', fontSize: 12 },
        labelLine: { length: 8, length2: 6 },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
      },
    ],
  };
}

/** 各批次评审通过率 (bars: scored/passed; line: rate %). */
export function passRateOption(rows: Dashboard['passRates']): ChartOption {
  return {
    ...base,
    grid: { left: 16, right: 16, top: 44, bottom: 8, containLabel: true },
    legend: { top: 4, data: ['参评', '通过', '通过率'] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const r = rows[(params as { dataIndex: number }[])[0]?.dataIndex ?? 0]!;
        return `${r.label}<br/>参评：${r.scored}件<br/>通过：${r.passed}件<br/>通过率：${r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`}`;
      },
    },
    xAxis: { type: 'category', data: rows.map((r) => r.label) },
    yAxis: [
      // bars kept in the lower part so the rate line and its labels stay readable above them
      { type: 'value', name: '件数', minInterval: 1, max: (v: { max: number }) => Math.max(2, Math.ceil(v.max * 1.6)) },
      { type: 'value', name: '通过率', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: '参评', barMaxWidth: 32, data: rows.map((r) => r.scored), itemStyle: { color: '#91caff' } },
      { type: 'bar', name: '通过', barMaxWidth: 32, data: rows.map((r) => r.passed), itemStyle: { color: BLUE } },
      {
        type: 'line',
        name: '通过率',
        yAxisIndex: 1,
        data: rows.map((r) => (r.rate === null ? null : Math.round(r.rate * 1000) / 10)),
        itemStyle: { color: '#fa541c' },
        symbolSize: 7,
        label: {
          show: true,
          position: 'top',
          formatter: '{c}%',
          color: '#fa541c',
          fontWeight: 600,
          backgroundColor: 'rgba(255,255,255,0.85)',
          padding: [1, 3],
          borderRadius: 2,
        },
      },
    ],
  };
}

/** 中心状态 (donut, total in the middle). */
export function centersOption(rows: Dashboard['centersByStatus']): ChartOption {
  const total = rows.reduce((s, r) => s + r.count, 0);
  return {
    ...base,
    title: {
      text: String(total),
      subtext: '中心总数',
      left: '39%',
      top: '40%',
      textAlign: 'center',
      textStyle: { fontSize: 26, fontWeight: 600, fontFamily: FONT_FAMILY },
      subtextStyle: { fontSize: 12, fontFamily: FONT_FAMILY },
    },
    tooltip: { trigger: 'item', formatter: '{b}：{c}个（{d}%）' },
    legend: {
      orient: 'vertical',
      right: 16,
      top: 'middle',
      formatter: (name: string) => `${name}  ${rows.find((r) => r.label === name)?.count ?? 0}个`,
    },
    series: [
      {
        type: 'pie',
        name: '中心状态',
        radius: ['48%', '72%'],
        center: ['40%', '52%'],
        label: { show: false },
        data: rows.map((r) => ({ name: r.label, value: r.count, itemStyle: { color: STATUS_COLORS[r.status] } })),
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
      },
    ],
  };
}

/** 年度工作总结指标趋势 (one indicator per year; the tooltip adds the number of summaries). */
export function trendOption(rows: Dashboard['indicatorTrends'], key: string): ChartOption {
  const ind = INDICATORS.find((i) => i.key === key) ?? INDICATORS[0];
  return {
    ...base,
    grid: { left: 16, right: 24, top: 48, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const r = rows[(params as { dataIndex: number }[])[0]?.dataIndex ?? 0]!;
        return `${r.year}年度（${r.summaries}份总结）<br/>${ind.label}：${(r.totals[ind.key] ?? 0).toFixed(ind.decimals)}${ind.unit}`;
      },
    },
    xAxis: { type: 'category', boundaryGap: true, data: rows.map((r) => `${r.year}年度`) },
    yAxis: {
      type: 'value',
      name: `${ind.label}（${ind.unit}）`,
      nameTextStyle: { align: 'left' },
      ...(ind.decimals === 0 ? { minInterval: 1 } : {}),
    },
    series: [
      {
        type: 'line',
        name: ind.label,
        data: rows.map((r) => r.totals[ind.key] ?? 0),
        symbolSize: 8,
        itemStyle: { color: '#722ed1' },
        areaStyle: { color: 'rgba(114, 46, 209, 0.08)' },
        label: { show: true, position: 'top', formatter: (p: unknown) => Number((p as { value: number }).value).toFixed(ind.decimals) },
      },
    ],
  };
}
