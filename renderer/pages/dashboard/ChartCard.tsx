import { useEffect, useRef, useState, type ReactNode } from 'react';
import { App, Button, Card, Empty, Flex } from 'antd';
import { PictureOutlined } from '@ant-design/icons';
import type { ExportedFile } from '../../../electron/core/contract/index.js';
import { desk, errorMessage } from '../../rpc';
import { echarts, FONT_FAMILY, type ChartOption } from './charts';

interface Props {
  /** Card title; also the PNG's file name (`${title}-YYYYMMDD.png`). */
  title: string;
  /** null: nothing to draw (shows `emptyText`). */
  option: ChartOption | null;
  emptyText?: string;
  height?: number;
  /** Controls left of the export button (e.g. a Select). */
  extra?: ReactNode;
  /** Called after the PNG is saved. */
  onExported: (file: ExportedFile, title: string) => void;
  testId?: string;
}

/** The chart image with its title above it (white background), as a PNG data URL. */
async function withTitle(chartUrl: string, title: string): Promise<string> {
  const img = new Image();
  img.src = chartUrl;
  await img.decode();
  const scale = 2; // getDataURL's pixelRatio
  const band = 44 * scale;
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height + band;
  const g = canvas.getContext('2d');
  if (!g) return chartUrl;
  g.fillStyle = '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = '#262626';
  g.font = `600 ${16 * scale}px ${FONT_FAMILY}`;
  g.textBaseline = 'middle';
  g.fillText(title, 16 * scale, band / 2 + 4 * scale);
  g.drawImage(img, 0, band);
  return canvas.toDataURL('image/png');
}

/** One chart in a card with “导出PNG” (chart → stats.savePng → exports folder). */
export function ChartCard({ title, option, emptyText = '暂无数据', height = 260, extra, onExported, testId }: Props) {
  const { message } = App.useApp();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [busy, setBusy] = useState(false);
  const hasData = option !== null;

  useEffect(() => {
    if (!hasData || !box.current) return;
    const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [hasData]);

  useEffect(() => {
    if (option) chart.current?.setOption(option, true);
  }, [option]);

  async function exportPng(): Promise<void> {
    const chartUrl = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (!chartUrl) return;
    setBusy(true);
    try {
      const dataUrl = await withTitle(chartUrl, title).catch(() => chartUrl);
      onExported(await desk.call('stats.savePng', { title, dataUrl }), title);
    } catch (err) {
      message.error({ content: `导出“${title}”失败：${errorMessage(err)}`, duration: 8 });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      styles={{ body: { padding: '8px 12px' } }}
      style={{ height: '100%' }}
      extra={
        <Flex gap={8} align="center">
          {extra}
          <Button size="small" icon={<PictureOutlined />} disabled={!hasData} loading={busy} onClick={() => void exportPng()}>
            导出PNG
          </Button>
        </Flex>
      }
    >
      {hasData ? (
        <div ref={box} style={{ width: '100%', height }} role="img" aria-label={title} />
      ) : (
        <Flex align="center" justify="center" style={{ height }}>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
        </Flex>
      )}
    </Card>
  );
}
