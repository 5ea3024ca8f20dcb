import { useState } from 'react';
import { Button, Flex, Input, Modal, Typography } from 'antd';
import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import type { Batch } from '../../../electron/core/contract/index.js';
import { desk, DeskApiError } from '../../rpc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ImportReportView } from '../../components/ImportReportView';
import { batchLabel } from '../../components/batchLabels';
import { refocusAutoFocus } from '../../components/refocusAutoFocus';
import { useExcelImport } from '../../components/useExcelImport';

interface Props {
  open: boolean;
  batch: Batch;
  onClose: () => void;
  onImported: () => void;
}

/** 导入Excel: upload → check every row (dry run) → 全部导入 only when nothing is wrong (all or nothing). */
export function ImportModal({ open, batch, onClose, onImported }: Props) {
  const [askReason, setAskReason] = useState(false);
  const [reason, setReason] = useState('');
  const { input, busy, error, staged, report, clean, check, apply, close } = useExcelImport(
    (uploadId, dryRun) =>
      desk.call('applications.importTemplate', {
        batchId: batch.id,
        uploadId,
        dryRun,
        ...(!dryRun && askReason && reason.trim() ? { windowOverrideReason: reason.trim() } : {}),
      }),
    {
      onImported,
      onClose,
      onReset: () => {
        setAskReason(false);
        setReason('');
      },
      onApplyError: (err) => {
        if (err instanceof DeskApiError && err.code === 'NEEDS_REASON') setAskReason(true);
      },
    },
  );

  return (
    <Modal
      afterOpenChange={refocusAutoFocus}
      open={open}
      title={`导入Excel申报表（${batchLabel(batch)}）`}
      onCancel={close}
      width={860}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            全部行检查无误才能导入；任何一行有错，整张表都不导入。
          </Typography.Text>
          <Flex gap={8}>
            <Button onClick={close}>取消</Button>
            <Button
              type="primary"
              disabled={!clean || (askReason && reason.trim().length < 2)}
              loading={busy && !!report}
              onClick={() => void apply()}
            >
              全部导入{clean ? `（${report!.validRows}个单位）` : ''}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Flex align="center" gap={12} style={{ marginBottom: 12 }}>
        <input ref={input} type="file" accept=".xlsx" hidden aria-label="选择Excel文件" onChange={(e) => void check(e.target.files?.[0])} />
        <Button icon={<UploadOutlined />} loading={busy && !report} onClick={() => input.current?.click()} autoFocus data-autofocus>
          选择Excel文件…
        </Button>
        <Typography.Text type="secondary">
          {staged ? (
            <>
              <FileExcelOutlined /> {staged.name}
            </>
          ) : (
            '请使用“下载导入模板”得到的表格，从第4行开始每行填写一个申报单位。'
          )}
        </Typography.Text>
      </Flex>
      <ErrorAlert error={error} title={askReason ? '受理期外导入须填写理由' : '未能导入'} />
      {askReason ? (
        <Input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={200}
          placeholder="受理期外登记的理由（将记入申报记录和操作日志）"
          style={{ marginBottom: 12 }}
          aria-label="受理期外登记理由"
        />
      ) : null}
      {report ? (
        <ImportReportView
          report={report}
          testId="import-report"
          previewColumns={[
            { title: '单位名称', dataIndex: 'name' },
            { title: '统一社会信用代码', dataIndex: 'uscc', width: 190 },
            { title: '县（市）区', dataIndex: 'district', width: 120 },
            { title: '产业', dataIndex: 'industry', width: 100 },
          ]}
        />
      ) : null}
    </Modal>
  );
}
