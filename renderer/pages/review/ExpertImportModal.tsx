import { useRef, useState } from 'react';
import { Alert, App, Button, Flex, Modal, Table, Typography } from 'antd';
import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import type { ExpertImportReport, ImportIssue } from '../../../electron/core/contract/index.js';
import { desk, uploadFile } from '../../rpc';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Props {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}

/** 导入专家: upload → check every row (dry run) → 全部导入 only when nothing is wrong. */
export function ExpertImportModal({ open, onClose, onImported }: Props) {
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [staged, setStaged] = useState<{ uploadId: string; name: string } | null>(null);
  const [report, setReport] = useState<ExpertImportReport | null>(null);

  function reset(): void {
    setError(null);
    setStaged(null);
    setReport(null);
  }
  function close(): void {
    reset();
    onClose();
  }

  async function check(file: File | undefined): Promise<void> {
    if (!file) return;
    reset();
    setBusy(true);
    try {
      const { uploadId } = await uploadFile(file);
      setStaged({ uploadId, name: file.name });
      setReport(await desk.call('experts.importXlsx', { uploadId, dryRun: true }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  async function apply(): Promise<void> {
    if (!staged) return;
    setBusy(true);
    setError(null);
    try {
      const done = await desk.call('experts.importXlsx', { uploadId: staged.uploadId, dryRun: false });
      message.success(done.message);
      onImported();
      close();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const clean = report && !report.errors.length && report.validRows > 0;
  return (
    <Modal
      open={open}
      title="从Excel导入专家"
      onCancel={close}
      width={820}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            全部行检查无误才能导入；任何一行有错，整张表都不导入。
          </Typography.Text>
          <Flex gap={8}>
            <Button onClick={close}>取消</Button>
            <Button type="primary" disabled={!clean} loading={busy && !!report} onClick={() => void apply()}>
              全部导入{clean ? `（${report.validRows}位专家）` : ''}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Flex align="center" gap={12} style={{ marginBottom: 12 }}>
        <input ref={input} type="file" accept=".xlsx" hidden aria-label="选择Excel文件" onChange={(e) => void check(e.target.files?.[0])} />
        <Button icon={<UploadOutlined />} loading={busy && !report} onClick={() => input.current?.click()} autoFocus>
          选择Excel文件…
        </Button>
        <Typography.Text type="secondary">
          {staged ? <><FileExcelOutlined /> {staged.name}</> : '表格格式与“导出专家名册”相同：第3行为表头，从第4行起每行一位专家。'}
        </Typography.Text>
      </Flex>
      <ErrorAlert error={error} title="未能导入" />
      {report ? (
        <div data-testid="expert-import-report">
          <Alert
            type={report.errors.length ? 'error' : report.validRows ? 'success' : 'warning'}
            showIcon
            title={`共读取${report.rowsRead}行，${report.validRows}行可以导入，${report.errors.length}处问题。`}
            description={report.message}
            style={{ marginBottom: 12 }}
          />
          {report.errors.length ? (
            <Table<ImportIssue>
              size="small"
              rowKey={(r, i) => `${r.row}-${r.column}-${i}`}
              dataSource={report.errors}
              pagination={report.errors.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
              columns={[
                { title: '行', dataIndex: 'row', width: 64, render: (r: number) => (r > 0 ? `第${r}行` : '—') },
                { title: '列', key: 'col', width: 200, render: (_: unknown, r) => (r.column ? `${r.column}列 ${r.columnLabel}` : '整个文件') },
                { title: '说明', dataIndex: 'message' },
              ]}
            />
          ) : (
            <Table
              size="small"
              rowKey="row"
              dataSource={report.preview}
              pagination={report.preview.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
              columns={[
                { title: '行', dataIndex: 'row', width: 64, render: (r: number) => `第${r}行` },
                { title: '姓名', dataIndex: 'name', width: 120 },
                { title: '工作单位', dataIndex: 'organisation' },
              ]}
            />
          )}
        </div>
      ) : null}
    </Modal>
  );
}
