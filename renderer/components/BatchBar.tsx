import type { ReactNode } from 'react';
import { Alert, Card, Flex, Select, Typography } from 'antd';
import { batchLabel } from './batchLabels';
import { BATCH_STATUS_LABELS } from './batchLabels';
import { ErrorAlert } from './ErrorAlert';
import { SealedYearAlert } from './SealedYearAlert';
import type { useBatchChoice } from './useBatchChoice';

type BatchState = ReturnType<typeof useBatchChoice>;

/** 评审批次 selector row (same style as the intake page) with optional tools on the right. */
export function BatchBar({ intake, extra }: { intake: BatchState; extra?: ReactNode }) {
  return (
    <>
      <ErrorAlert error={intake.error} title="无法读取申报批次" onRetry={intake.reload} />
      {!intake.loading && !intake.batches.length ? (
        <Alert
          type="info"
          showIcon
          title="还没有申报批次"
          description={
            <>
              请先在“<a href="#/batches">申报批次</a>”中新建批次并受理申报。
            </>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex align="center" gap={12} wrap>
          <Typography.Text>评审批次</Typography.Text>
          <Select
            aria-label="评审批次"
            value={intake.batchId}
            onChange={intake.setBatchId}
            style={{ width: 260 }}
            placeholder="选择批次"
            options={intake.batches.map((b) => ({
              value: b.id,
              label: `${batchLabel(b)}（${BATCH_STATUS_LABELS[b.status]}）`,
              title: b.title,
            }))}
          />
          {intake.batch ? (
            <Typography.Text type="secondary" ellipsis style={{ flex: 1, minWidth: 0 }}>
              {intake.batch.title}
            </Typography.Text>
          ) : null}
          {extra}
        </Flex>
      </Card>
      <SealedYearAlert year={intake.batch?.year} />
    </>
  );
}
