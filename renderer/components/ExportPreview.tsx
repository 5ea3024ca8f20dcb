/**
 * 预览 of an exported file in a large dialog: a PDF in the pdf.js viewer (pages, zoom, thumbnails) with 打印,
 * 另存为… and 打开所在文件夹; an xlsx roster as a table of its first rows (read in the core) with 用表格软件打开.
 * In the browser, 另存为… / 用表格软件打开 become the download (the browser saves and opens files itself).
 * Other formats of the same document can be handed in `formats` and are offered for saving beside the main
 * file; an official document's OFD is made on request (`ofd`: 另存为 OFD, then where it went above the pages).
 */
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { Alert, App, Button, Empty, Input, Modal, Space, Spin, Typography } from 'antd';
import { DownloadOutlined, FolderOpenOutlined, PrinterOutlined, SaveOutlined, TableOutlined } from '@ant-design/icons';
import type { ExportedFile, MethodOutput } from '../../electron/core/contract/index.js';
import { desk, errorMessage } from '../rpc';
import { ErrorAlert } from './ErrorAlert';
import { PathPickerModal } from './PathPickerModal';
import { PdfPreview } from './PdfPreview';
import { columnLabel, exportFormat } from './exportFormat';
import type { usePrintPdf } from './usePrintPdf';
import { useOfdExport, type OfdSource } from './useOfdExport';

type Printer = ReturnType<typeof usePrintPdf>;

/** Rows of a roster the table shows (the rest: 用表格软件打开 / download). */
const TABLE_ROWS = 50;

/** Height of the line above the pages saying where the OFD went. */
const OFD_LINE = 48;

/** 另存为… (desktop: the in-app folder picker, then a copy) or 下载 (browser) of one file. */
function SaveButton({ file, label }: { file: ExportedFile; label?: string }) {
  const { message } = App.useApp();
  const [picking, setPicking] = useState(false);
  const url = desk.exportUrl(file);
  const format = exportFormat(file.fileName);
  if (url)
    return (
      <Button size="small" icon={<DownloadOutlined />} href={url} download={file.fileName} data-testid="preview-download">
        {label ?? '下载'}
      </Button>
    );
  return (
    <>
      <Button size="small" icon={<SaveOutlined />} onClick={() => setPicking(true)} data-testid="preview-save-as">
        {label ?? `另存为${format === 'pdf' || format === 'xlsx' ? '' : ` ${format.toUpperCase()}`}…`}
      </Button>
      <PathPickerModal
        open={picking}
        pick="folder"
        initialPath=""
        onClose={() => setPicking(false)}
        onPick={(folder) => {
          setPicking(false);
          desk.call('files.saveExportAs', { path: file.path, targetDir: folder }).then(
            (r) => void message.success({ content: `已另存为：${r.path}`, duration: 6 }),
            (err: unknown) => void message.error({ content: `另存失败：${errorMessage(err)}`, duration: 8 }),
          );
        }}
      />
    </>
  );
}

/** 打开所在文件夹 (desktop only). */
function RevealButton({ file }: { file: ExportedFile }) {
  const { message } = App.useApp();
  if (desk.kind === 'web') return null;
  return (
    <Button
      size="small"
      icon={<FolderOpenOutlined />}
      data-testid="preview-reveal"
      onClick={() =>
        void desk.call('files.revealExport', { path: file.path }).catch((err: unknown) => {
          void message.error({ content: `无法打开所在文件夹：${errorMessage(err)}`, duration: 8 });
        })
      }
    >
      打开所在文件夹
    </Button>
  );
}

function Actions({ file, formats, printer, ofd }: { file: ExportedFile; formats: ExportedFile[]; printer: Printer; ofd: ReactNode }) {
  const { message } = App.useApp();
  const format = exportFormat(file.fileName);
  const [range, setRange] = useState('');
  const print = () => void printer.print({ kind: 'file', path: file.path }, file.fileName, range.trim() || undefined);
  return (
    <Space size={8} wrap={false}>
      {format === 'pdf' ? (
        <>
          <Input
            size="small"
            value={range}
            onChange={(e) => setRange(e.target.value)}
            onPressEnter={print}
            placeholder="全部页"
            aria-label="打印范围"
            title="打印范围：留空打印全部页；或写页码和范围，如 1-3,5"
            style={{ width: 96 }}
            data-testid="preview-print-range"
          />
          <Button size="small" type="primary" icon={<PrinterOutlined />} loading={printer.busy} data-testid="preview-print" onClick={print}>
            打印
          </Button>
        </>
      ) : null}
      {format === 'xlsx' && desk.kind !== 'web' ? (
        <Button
          size="small"
          type="primary"
          icon={<TableOutlined />}
          data-testid="preview-open-external"
          onClick={() =>
            void desk.call('files.openExport', { path: file.path }).catch((err: unknown) => {
              void message.error({ content: `无法用表格软件打开：${errorMessage(err)}`, duration: 8 });
            })
          }
        >
          用表格软件打开
        </Button>
      ) : null}
      <SaveButton file={file} />
      {ofd}
      {formats.map((f) => (
        <SaveButton
          key={f.path}
          file={f}
          label={
            desk.kind === 'web' ? `下载 ${exportFormat(f.fileName).toUpperCase()}` : `另存为 ${exportFormat(f.fileName).toUpperCase()}…`
          }
        />
      ))}
      <RevealButton file={file} />
    </Space>
  );
}

type TableHead = MethodOutput<'files.readExportTable'>;

/** The first rows of a roster as a table, with the sheet's row numbers and column letters. */
function RosterTable({ file, height }: { file: ExportedFile; height: number }) {
  const [head, setHead] = useState<TableHead | null>(null);
  const [error, setError] = useState<unknown>(null);
  const region = useRef<HTMLDivElement>(null);
  // The table arrives after the dialog opened: it takes the focus then, so the arrow keys scroll it.
  useEffect(() => {
    if (head) region.current?.focus();
  }, [head]);
  useEffect(() => {
    let stale = false;
    desk.call('files.readExportTable', { path: file.path, maxRows: TABLE_ROWS }).then(
      (r) => !stale && setHead(r),
      (err: unknown) => !stale && setError(err),
    );
    return () => {
      stale = true;
    };
  }, [file.path]);
  if (error) return <ErrorAlert error={error} title="无法显示表格预览" />;
  if (!head)
    return (
      <Space data-testid="table-loading">
        <Spin size="small" />
        <Typography.Text type="secondary">正在读取表格…</Typography.Text>
      </Space>
    );
  if (!head.rows.length) return <Empty description="表格中没有内容" />;
  const cols = Array.from({ length: head.columnCount }, (_, i) => i);
  const cell: CSSProperties = { border: '1px solid #d9d9d9', padding: '2px 6px', verticalAlign: 'top', whiteSpace: 'pre-wrap' };
  const gutter: CSSProperties = { ...cell, background: '#f4f5f7', color: '#666', textAlign: 'center', whiteSpace: 'nowrap' };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height }}>
      <Typography.Text type="secondary" style={{ flex: 'none', marginBottom: 6 }} data-testid="table-note">
        工作表“{head.sheetName}”{head.sheetNames.length > 1 ? `（共 ${head.sheetNames.length} 个工作表，只显示第一个）` : ''}
        {head.truncated
          ? `：显示前 ${head.rows.length} 行，完整内容请${desk.kind === 'web' ? '下载后' : '用表格软件'}查看。`
          : `：共 ${head.rows.length} 行。`}
      </Typography.Text>
      <div
        ref={region}
        tabIndex={0}
        role="region"
        aria-label="表格预览"
        data-testid="table-preview"
        style={{ flex: 1, minHeight: 0, overflow: 'auto', outlineOffset: -2 }}
      >
        <table style={{ borderCollapse: 'collapse', fontSize: 13, background: '#fff' }}>
          <thead>
            <tr>
              <th style={gutter} />
              {cols.map((c) => (
                <th key={c} style={gutter}>
                  {columnLabel(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {head.rows.map((row) => {
              // A title row (one text in its first cell, as a merged title reads back) spans the table.
              const span = row.cells.length === 1 && head.columnCount > 1;
              return (
                <tr key={row.number}>
                  <th style={gutter}>{row.number}</th>
                  {span ? (
                    <td colSpan={head.columnCount} style={{ ...cell, fontWeight: 600, textAlign: 'center' }}>
                      {row.cells[0]}
                    </td>
                  ) : (
                    cols.map((c) => (
                      <td key={c} style={cell}>
                        {row.cells[c] ?? ''}
                      </td>
                    ))
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export interface ExportPreviewProps {
  /** The file shown; null: closed. */
  file: ExportedFile | null;
  /** Other formats of the same document, offered for saving beside it. */
  formats?: ExportedFile[];
  /** How to get the OFD of this official document (offered as 另存为 OFD beside a PDF). */
  ofd?: OfdSource;
  /** What the document is, for the OFD message (e.g. 受理通知书). */
  kind?: string;
  printer: Printer;
  onClose: () => void;
}

/** A large dialog around the preview; Esc or × closes it, and the pages (or the table) take the focus. */
export function ExportPreview({ file, formats = [], ofd, kind, printer, onClose }: ExportPreviewProps) {
  const body = useRef<HTMLDivElement>(null);
  const format = file ? exportFormat(file.fileName) : null;
  const ofdExport = useOfdExport(format === 'pdf' ? ofd : undefined, kind ? { kind } : {});
  // Dialog top margin (16), header (≈56), body padding and a bottom margin: the rest of the window is the
  // preview (less the line saying where the OFD went, once there is one).
  const height = Math.max(320, window.innerHeight - 150 - (ofdExport.result ? OFD_LINE : 0));
  return (
    <Modal
      open={file !== null}
      title={file ? `预览：${file.fileName}` : ''}
      onCancel={onClose}
      footer={null}
      width="min(1240px, calc(100vw - 48px))"
      style={{ top: 16, paddingBottom: 0 }}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (open) body.current?.querySelector<HTMLElement>('[data-testid="pdf-pages"], [data-testid="table-preview"]')?.focus();
      }}
    >
      <div ref={body} data-testid="export-preview-body">
        {ofdExport.result ? (
          <Alert type="success" showIcon title={ofdExport.result} style={{ height: OFD_LINE - 8, marginBottom: 8 }} />
        ) : null}
        {file && format === 'pdf' ? (
          <PdfPreview
            source={{ kind: 'file', path: file.path }}
            height={height}
            thumbnails
            actions={<Actions file={file} formats={formats} printer={printer} ofd={ofdExport.button} />}
          />
        ) : file ? (
          <>
            <div style={{ display: 'flex', justifyContent: 'flex-end', height: 40, alignItems: 'center' }}>
              <Actions file={file} formats={formats} printer={printer} ofd={null} />
            </div>
            {format === 'xlsx' ? (
              <RosterTable file={file} height={height - 40} />
            ) : (
              <Empty description="此类文件不能在程序内预览" style={{ marginTop: 40 }} />
            )}
          </>
        ) : null}
      </div>
    </Modal>
  );
}
