import { useEffect, useRef } from 'react';
import { Button, Card, Empty, Typography } from 'antd';
import { PictureOutlined } from '@ant-design/icons';
import * as echarts from 'echarts/core';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { LeniencyRow } from '../../../electron/core/contract/index.js';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
type Option = echarts.ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** Within ±3 points of the panel counts as 正常. */
const BAND = 3;
const colour = (delta: number) => (delta > BAND ? '#d4380d' : delta < -BAND ? '#1d39c4' : '#8c8c8c');
const signed = (n: number) => `${n > 0 ? '+' : ''}${n.toFixed(1)}`;

function option(rows: LeniencyRow[]): Option {
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 40, bottom: 40 },
    legend: { top: 4, data: ['专家平均分', '同组专家平均分'] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const i = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        const r = rows[i]!;
        return `${r.name}（评${r.applications}件）<br/>专家平均分：${r.expertMean.toFixed(1)}<br/>同组专家平均分：${r.panelMean.toFixed(1)}<br/>差值：${signed(r.delta)}（${r.delta > BAND ? '偏宽' : r.delta < -BAND ? '偏严' : '正常'}）`;
      },
    },
    xAxis: { type: 'category', data: rows.map((r) => r.name) },
    yAxis: { type: 'value', name: '分', min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10 - 10) },
    series: [
      {
        name: '专家平均分',
        type: 'bar',
        barMaxWidth: 36,
        data: rows.map((r) => ({ value: r.expertMean, itemStyle: { color: colour(r.delta) } })),
        itemStyle: { color: '#d4380d' },
        label: { show: true, position: 'top', formatter: (p: unknown) => signed(rows[(p as { dataIndex: number }).dataIndex]!.delta) },
      },
      { name: '同组专家平均分', type: 'bar', barMaxWidth: 36, data: rows.map((r) => r.panelMean), itemStyle: { color: '#d9d9d9' } },
    ],
  };
}

/** 专家打分松紧度: each expert's mean against the panel's on the same applications; 导出图片 saves a PNG. */
export function LeniencyChart({ rows, fileName }: { rows: LeniencyRow[]; fileName: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current || !rows.length) return;
    const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const onResize = () => c.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      c.dispose();
      chart.current = null;
    };
  }, [rows.length]);
  useEffect(() => {
    chart.current?.setOption(option(rows), true);
  }, [rows]);

  function download(): void {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
  }

  return (
    <Card
      size="small"
      title="专家打分松紧度"
      extra={
        <Button size="small" icon={<PictureOutlined />} disabled={!rows.length} onClick={download}>
          导出图片
        </Button>
      }
      style={{ marginTop: 16 }}
    >
      {rows.length ? (
        <>
          <div ref={box} style={{ width: '100%', height: 300 }} data-testid="leniency-chart" role="img" aria-label="专家打分松紧度图" />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            柱顶数字为专家平均分与同组专家（评同一批申报）平均分之差；红色偏宽（高于{BAND}分以上），蓝色偏严，灰色正常。
          </Typography.Text>
        </>
      ) : (
        <Empty description="还没有评分，无法比较。" />
      )}
    </Card>
  );
}
