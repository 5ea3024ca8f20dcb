import { Alert, Button, Descriptions, Modal, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { ExportedFile, PackageExportResult } from '../../../electron/core/contract/index.js';
import { ExportResult } from '../../components/ExportResult';
import { ErrorAlert } from '../../components/ErrorAlert';
import { refocusAutoFocus } from '../../components/refocusAutoFocus';
import { usePrintPdf } from '../../components/usePrintPdf';
import type { OfdSource } from '../../components/useOfdExport';

interface Props {
  issued: {
    expertName: string;
    result: PackageExportResult;
    letter: ExportedFile | null;
    letterError: unknown;
    /** The letter as OFD (另存为 OFD beside the PDF). */
    letterOfd?: OfdSource;
  } | null;
  onClose: () => void;
}

/**
 * After 导出评审包: the one-time code (shown once here and on the letter) and both files. “我已记下并打印” prints
 * the 评审任务通知单 (the letter carrying the code) through the print path and closes once the print is sent;
 * a print cancelled in the system dialog keeps the dialog (and the code) on screen.
 */
export function PackageIssuedModal({ issued, onClose }: Props) {
  const printer = usePrintPdf();
  const letter = issued?.letter ?? null;
  const printAndClose = async (): Promise<void> => {
    if (!letter) return onClose();
    const outcome = await printer.print({ kind: 'file', path: letter.path }, letter.fileName);
    if (outcome && outcome.printed !== false) onClose();
  };
  return (
    <Modal
      afterOpenChange={refocusAutoFocus}
      open={issued !== null}
      title={issued ? `评审包已导出：${issued.expertName}` : ''}
      onCancel={onClose}
      width={640}
      destroyOnHidden
      footer={
        letter ? (
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            autoFocus
            data-autofocus
            loading={printer.busy}
            onClick={() => void printAndClose()}
            data-testid="print-letter"
          >
            我已记下并打印
          </Button>
        ) : (
          <Button type="primary" autoFocus data-autofocus onClick={onClose}>
            我已记下口令
          </Button>
        )
      }
    >
      {issued ? (
        <div data-testid="package-issued">
          <Typography.Paragraph>专家在评审电脑上导入评审包时须输入下面的一次性口令：</Typography.Paragraph>
          <Typography.Title
            level={2}
            copyable
            style={{ textAlign: 'center', letterSpacing: 4, fontFamily: 'Consolas, monospace', margin: '8px 0 16px' }}
            data-testid="one-time-code"
          >
            {issued.result.oneTimeCode}
          </Typography.Title>
          <Alert
            type="warning"
            showIcon
            title="请打印评审任务通知单，将口令与U盘分开交给专家"
            description="评审包已加密，口令只印在通知单上。不要把口令写在U盘上或与U盘放在一起；U盘遗失时，拾得者没有口令无法读取任何内容。"
            style={{ marginBottom: 16 }}
          />
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="评审包">
              <Space direction="vertical" size={0}>
                <ExportResult file={issued.result.file} kind="评审包" />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  含{issued.result.applicationCount}件申报、{issued.result.materialFileCount}个材料文件；编号 {issued.result.packageId}
                </Typography.Text>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="评审任务通知单">
              {issued.letter ? (
                <ExportResult file={issued.letter} kind="评审任务通知单" ofd={issued.letterOfd} />
              ) : (
                <ErrorAlert error={issued.letterError} title="通知单未能生成" />
              )}
            </Descriptions.Item>
          </Descriptions>
        </div>
      ) : null}
      {printer.node}
    </Modal>
  );
}
