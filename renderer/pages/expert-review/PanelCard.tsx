import { useEffect, useState } from 'react';
import { App, Button, Card, Flex, Select, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { desk } from '../../rpc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import type { BatchReview } from './useBatchReview';

/** 评审专家组: choose the batch's panel from the pool (retired experts cannot be added). */
export function PanelCard({ batchId, review }: { batchId: string; review: BatchReview }) {
  const { message } = App.useApp();
  const saved = review.overview.data?.panel;
  const [picked, setPicked] = useState<string[]>([]);
  const { saving, error, run } = useSubmit();
  useEffect(() => setPicked(saved ?? []), [saved]);
  const dirty = JSON.stringify([...picked].sort()) !== JSON.stringify([...(saved ?? [])].sort());
  const options = (review.experts.data ?? [])
    .filter((e) => !e.retired || picked.includes(e.id))
    .map((e) => ({ value: e.id, label: `${e.name}（${e.organisation}）`, disabled: e.retired }));

  const save = () =>
    run(async () => {
      const o = await desk.call('scoring.setPanel', { batchId, expertIds: picked });
      message.success(`评审专家组已保存，共${o.panel.length}位专家。`);
      review.reload();
    });

  return (
    <Card
      size="small"
      title={
        <>
          <TeamOutlined /> 评审专家组
        </>
      }
      style={{ marginBottom: 16 }}
      data-testid="panel-card"
    >
      <ErrorAlert error={error} title="未能保存专家组" />
      <Flex gap={8} align="flex-start">
        <Select
          mode="multiple"
          aria-label="评审专家组"
          placeholder="从专家库中选择本批次的评审专家（可输入姓名或单位搜索）"
          value={picked}
          onChange={setPicked}
          options={options}
          optionFilterProp="label"
          style={{ flex: 1, minWidth: 0 }}
          allowClear
        />
        <Button type="primary" loading={saving} disabled={!dirty} onClick={() => void save()}>
          保存专家组
        </Button>
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6, fontSize: 12 }}>
        已选 {picked.length} 位{dirty ? '（尚未保存）' : ''}。已有评审分配的专家需先办理回避才能移出专家组。
      </Typography.Text>
    </Card>
  );
}
