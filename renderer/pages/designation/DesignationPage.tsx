import { Alert, Spin, Steps } from 'antd';
import type { DesignationView } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportResult } from '../../components/ExportResult';
import type { OfdSource } from '../../components/useOfdExport';
import { useRemote } from '../../components/useRemote';
import { batchesChanged, useBatchChoice } from '../../components/useBatchChoice';
import { useExportFile } from '../../components/useExportFile';
import { BatchBar } from '../../components/BatchBar';
import { PublicityCard } from './PublicityCard';
import { ObjectionsCard } from './ObjectionsCard';
import { DecisionCard } from './DecisionCard';

function stepOf(v: DesignationView | undefined): number {
  if (!v?.publicity) return 0;
  if (v.decision) return 3;
  return v.objections.some((o) => o.status === 'open') || v.blockers.length ? 1 : 2;
}

/** 公示与认定: 公示 → 异议 → 认定发文与授牌, for one batch. */
export function DesignationPage() {
  const intake = useBatchChoice();
  const batchId = intake.batchId;
  const view = useRemote(() => (batchId ? desk.call('publicity.get', { batchId }) : Promise.resolve(undefined)), [batchId]);
  const exporter = useExportFile();
  const v = view.data?.batchId === batchId ? view.data : undefined;
  const onExport = (kind: string, produce: Parameters<typeof exporter.run>[1], ofd?: OfdSource) => void exporter.run(kind, produce, ofd);
  /** After 发起公示, 异议 and 认定发文: the page's view and the batch's status (公示中, 已认定) in the selector. */
  const changed = () => {
    view.reload();
    batchesChanged();
  };

  return (
    <>
      <PageHeader
        title="公示与认定"
        description="评审通过的单位公示（默认5个工作日），登记和处理异议，公示期满后认定发文、编制证书并授牌。"
      />
      <BatchBar intake={intake} />
      <ErrorAlert error={view.error} title="无法读取公示与认定情况" onRetry={view.reload} />
      {exporter.last ? (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: exporter.clearLast }}
          title={<ExportResult file={exporter.last.file} kind={exporter.last.kind} ofd={exporter.last.ofd} />}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {batchId && !v && view.loading ? <Spin style={{ display: 'block', margin: '48px auto' }} /> : null}
      {v && batchId ? (
        <>
          <Steps
            size="small"
            current={stepOf(v)}
            style={{ marginBottom: 16, maxWidth: 760 }}
            items={[{ title: '公示' }, { title: '异议处理' }, { title: '认定发文' }, { title: '授牌' }]}
          />
          <PublicityCard batchId={batchId} view={v} onChanged={changed} exporting={exporter.busy === '公示通知'} onExport={onExport} />
          {v.publicity ? (
            <>
              <ObjectionsCard view={v} onChanged={changed} />
              <DecisionCard view={v} onChanged={changed} busy={exporter.busy} onExport={onExport} />
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
