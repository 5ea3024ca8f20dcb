import { Button, Flex, Modal, Typography } from 'antd';
import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { desk } from '../../rpc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ImportReportView } from '../../components/ImportReportView';
import { refocusAutoFocus } from '../../components/refocusAutoFocus';
import { useExcelImport } from '../../components/useExcelImport';

interface Props {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}

/** 导入专家: upload → check every row (dry run) → 全部导入 only when nothing is wrong. */
export function ExpertImportModal({ open, onClose, onImported }: Props) {
  const { input, busy, error, staged, report, clean, check, apply, close } = useExcelImport(
    (uploadId, dryRun) => desk.call('experts.importXlsx', { uploadId, dryRun }),
    { onImported, onClose },
  );
  return (
    <Modal
      afterOpenChange={refocusAutoFocus}
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
              全部导入{clean ? `（${report!.validRows}位专家）` : ''}
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
            '表格格式与“导出专家名册”相同：第3行为表头，从第4行起每行一位专家。'
          )}
        </Typography.Text>
      </Flex>
      <ErrorAlert error={error} title="未能导入" />
      {report ? (
        <ImportReportView
          report={report}
          testId="expert-import-report"
          previewColumns={[
            { title: '姓名', dataIndex: 'name', width: 120 },
            { title: '工作单位', dataIndex: 'organisation' },
          ]}
        />
      ) : null}
    </Modal>
  );
}
