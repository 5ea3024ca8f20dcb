import { useState } from 'react';
import { App, Button, Empty, Spin } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { ArchiveYearStatus, VerifyReport } from '../../../electron/core/contract/index.js';
import { desk, errorMessage } from '../../rpc';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRemote } from '../../components/useRemote';
import { newTaskId } from '../../components/useTaskProgress';
import { YearCard } from './YearCard';
import { SealModal } from './SealModal';
import { UnsealModal } from './UnsealModal';
import { SealHistoryModal } from './SealHistoryModal';
import { VerifyPathCard } from './VerifyPathCard';
import { IssuedDocumentsCard } from './IssuedDocumentsCard';

type Dialog = { kind: 'seal' | 'unseal' | 'history'; year: number } | null;

/** 年度档案: one card per year (sealed or not), seal / verify / unseal, and verifying an archive file by path. */
export function ArchivePage() {
  const { message } = App.useApp();
  const years = useRemote(() => desk.call('archive.years', {}), []);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [verifying, setVerifying] = useState<number | null>(null);
  const [reports, setReports] = useState<Record<number, VerifyReport | undefined>>({});
  const list = [...(years.data ?? [])].sort((a, b) => b.year - a.year);
  const current: ArchiveYearStatus | undefined = dialog ? list.find((y) => y.year === dialog.year) : undefined;

  const verify = async (year: number) => {
    setVerifying(year);
    setReports((r) => ({ ...r, [year]: undefined }));
    try {
      const report = await desk.call('archive.verify', { year, taskId: newTaskId(`archive-verify-${year}`) });
      setReports((r) => ({ ...r, [year]: report }));
    } catch (err) {
      message.error({ content: `未能校验${year}年度档案：${errorMessage(err)}`, duration: 8 });
    } finally {
      setVerifying(null);
    }
  };

  return (
    <>
      <PageHeader
        title="年度档案"
        description="每年工作结束后封存年度档案：全部文书、名册、附件和记录写成一个带校验清单的档案文件；封存后该年度只读。"
        extra={
          <Button icon={<ReloadOutlined />} onClick={years.reload} loading={years.loading}>
            刷新
          </Button>
        }
      />
      <ErrorAlert error={years.error} title="无法读取年度档案" onRetry={years.reload} />
      {years.loading && !years.data ? <Spin style={{ display: 'block', margin: '32px auto' }} /> : null}
      {years.data && !list.length ? (
        <Empty description="还没有任何年度的数据。新建申报批次后，这里会出现该年度。" style={{ margin: '24px 0' }} />
      ) : null}
      {list.map((y) => (
        <YearCard
          key={y.year}
          status={y}
          verifying={verifying === y.year}
          report={reports[y.year] ?? null}
          onSeal={() => setDialog({ kind: 'seal', year: y.year })}
          onUnseal={() => setDialog({ kind: 'unseal', year: y.year })}
          onHistory={() => setDialog({ kind: 'history', year: y.year })}
          onVerify={() => void verify(y.year)}
          onClearReport={() => setReports((r) => ({ ...r, [y.year]: undefined }))}
        />
      ))}
      <IssuedDocumentsCard sealedYears={new Set(list.filter((y) => y.sealed).map((y) => y.year))} />
      <VerifyPathCard />
      {dialog?.kind === 'seal' && current ? (
        <SealModal
          status={current}
          onClose={() => setDialog(null)}
          onSealed={(seal) => {
            setDialog(null);
            setReports((r) => ({ ...r, [seal.year]: undefined }));
            message.success(`已封存${seal.year}年度档案（第${seal.version}版），共 ${seal.fileCount} 个文件。`);
            years.reload();
          }}
        />
      ) : null}
      {dialog?.kind === 'unseal' && current ? (
        <UnsealModal
          status={current}
          onClose={() => setDialog(null)}
          onUnsealed={(seal) => {
            setDialog(null);
            setReports((r) => ({ ...r, [seal.year]: undefined }));
            message.success(`已解除${seal.year}年度封存。修改完成后请重新封存。`);
            years.reload();
          }}
        />
      ) : null}
      {dialog?.kind === 'history' && current ? <SealHistoryModal status={current} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
