import { useEffect, useMemo, useState } from 'react';
import { Alert, Card, Col, Flex, Row, Select, Table, Tag, Typography } from 'antd';
import type { ScoreSheet } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRemote } from '../../components/useRemote';
import { useBatchChoice } from '../../components/useBatchChoice';
import { BatchBar } from '../../components/BatchBar';
import { SheetForm } from './SheetForm';
import { useBatchReview } from './useBatchReview';

/** 评分录入（代录）: the secretariat types a signed paper sheet for one application × expert. */
export function EntryPage() {
  const intake = useBatchChoice();
  const review = useBatchReview(intake.batchId);
  const template = useRemote(
    () => (intake.batchId ? desk.call('scoring.getTemplate', { batchId: intake.batchId }) : Promise.resolve(undefined)),
    [intake.batchId],
  );
  const [appId, setAppId] = useState<string>();
  const [expertId, setExpertId] = useState<string>();
  const o = review.overview.data;
  const active = useMemo(() => (o?.assignments ?? []).filter((a) => a.status === 'active'), [o]);
  const appIds = [...new Set(active.map((a) => a.applicationId))];
  const experts = active.filter((a) => a.applicationId === appId).map((a) => a.expertId);
  const existing = o?.sheets.find((s) => s.applicationId === appId && s.expertId === expertId);

  useEffect(() => {
    setAppId(undefined);
    setExpertId(undefined);
  }, [intake.batchId]);

  return (
    <>
      <PageHeader title="评分录入（代录）" description="依据专家签字的纸质评分表逐项录入；系统检查分值范围和步长并计算总分。" />
      <BatchBar intake={intake} />
      <ErrorAlert error={review.error || template.error} title="无法读取评审数据" onRetry={review.reload} />
      {o && !active.length ? (
        <Alert
          type="info"
          showIcon
          title="本批次还没有评审分配"
          description={
            <>
              请先在“<a href="#/review/organize">评审组织</a>”中设定专家组并分配评审。
            </>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Row gutter={16}>
        <Col flex="1 1 560px" style={{ minWidth: 0 }}>
          <Card size="small" title="评分表" style={{ marginBottom: 16 }}>
            <Flex gap={8} wrap style={{ marginBottom: 16 }}>
              <Select
                aria-label="申报单位"
                placeholder="选择申报单位"
                showSearch
                optionFilterProp="label"
                value={appId}
                onChange={(v) => {
                  setAppId(v);
                  setExpertId(undefined);
                }}
                style={{ width: 320 }}
                options={appIds.map((id) => ({ value: id, label: review.appName(id) }))}
              />
              <Select
                aria-label="评审专家"
                placeholder="选择评审专家"
                value={expertId}
                onChange={setExpertId}
                disabled={!appId}
                style={{ width: 200 }}
                options={experts.map((id) => ({
                  value: id,
                  label: `${review.expertName(id)}${o?.sheets.some((s) => s.applicationId === appId && s.expertId === id) ? '（已录）' : ''}`,
                }))}
              />
              {existing ? <Tag color="blue">已有第{existing.version}版，保存将生成新版本</Tag> : null}
            </Flex>
            {appId && expertId && template.data ? (
              <SheetForm
                applicationId={appId}
                expertId={expertId}
                template={template.data.current}
                existing={existing}
                onSaved={() => review.overview.reload()}
              />
            ) : (
              <Typography.Text type="secondary">请选择申报单位和评审专家。</Typography.Text>
            )}
          </Card>
        </Col>
        <Col flex="0 1 400px" style={{ minWidth: 0 }}>
          <Card size="small" title={`已录入的评分（${o?.sheets.length ?? 0}份）`} styles={{ body: { padding: 0 } }}>
            <Table<ScoreSheet>
              size="small"
              rowKey="id"
              dataSource={o?.sheets ?? []}
              pagination={(o?.sheets.length ?? 0) > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
              locale={{ emptyText: '还没有评分。' }}
              onRow={(s) => ({
                onClick: () => {
                  setAppId(s.applicationId);
                  setExpertId(s.expertId);
                },
                style: { cursor: 'pointer' },
              })}
              columns={[
                { title: '申报单位', key: 'app', ellipsis: true, render: (_: unknown, s) => review.appName(s.applicationId) },
                { title: '专家', key: 'expert', width: 72, render: (_: unknown, s) => review.expertName(s.expertId) },
                { title: '总分', dataIndex: 'total', width: 56 },
                {
                  title: '来源',
                  key: 'src',
                  width: 86,
                  render: (_: unknown, s) => (
                    <Tag color={s.enteredBy === 'secretariat' ? 'purple' : 'cyan'}>{s.enteredBy === 'secretariat' ? '代录' : '评审包'}</Tag>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
