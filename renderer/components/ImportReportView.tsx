import { Alert, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ImportIssue } from '../../electron/core/contract/index.js';

interface Report<P> {
  rowsRead: number;
  validRows: number;
  errors: ImportIssue[];
  message: string;
  preview: P[];
}

interface Props<P extends { row: number }> {
  report: Report<P>;
  /** Columns of the preview rows after 行 (shown when nothing is wrong). */
  previewColumns: ColumnsType<P>;
  testId: string;
}

/** The dry-run check of an Excel import: a summary, then every problem by row and column, or the rows to import. */
export function ImportReportView<P extends { row: number }>({ report, previewColumns, testId }: Props<P>) {
  const paged = (n: number) => (n > 8 ? { pageSize: 8, showSizeChanger: false } : false);
  return (
    <div data-testid={testId}>
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
          pagination={paged(report.errors.length)}
          columns={[
            { title: '行', dataIndex: 'row', width: 64, render: (r: number) => (r > 0 ? `第${r}行` : '—') },
            { title: '列', key: 'col', width: 190, render: (_: unknown, r) => (r.column ? `${r.column}列 ${r.columnLabel}` : '整个文件') },
            { title: '说明', dataIndex: 'message' },
          ]}
        />
      ) : (
        <Table<P>
          size="small"
          rowKey="row"
          dataSource={report.preview}
          pagination={paged(report.preview.length)}
          columns={[{ title: '行', dataIndex: 'row', width: 64, render: (r: number) => `第${r}行` }, ...previewColumns]}
        />
      )}
    </div>
  );
}
