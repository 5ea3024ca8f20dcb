import { useEffect, useState } from 'react';
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import type { ApplicationRow, ListFilters } from '../../../electron/core/contract/index.js';
import { formatDate, formatDateTime } from '../../format';
import { ROUTE_LABELS, STATUS_COLORS, STATUS_LABELS } from './lists';

export type SortField = NonNullable<ListFilters['sort']>;
export interface SortState {
  sort: SortField;
  order: 'asc' | 'desc';
}

interface Props {
  rows: ApplicationRow[];
  loading: boolean;
  sort: SortState;
  onSort: (s: SortState) => void;
  onOpen: (row: ApplicationRow) => void;
  emptyText: string;
}

/** Table height that fills the window below the filters (virtual scrolling needs a number). */
function useBodyHeight(offset: number): number {
  const calc = (): number => Math.max(260, window.innerHeight - offset);
  const [h, setH] = useState(calc);
  useEffect(() => {
    const onResize = (): void => setH(calc());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  });
  return h;
}

/** 申报 list: virtual rows (5,000 stay smooth); sorting is done by the API. */
export function ApplicationTable({ rows, loading, sort, onSort, onOpen, emptyText }: Props) {
  const height = useBodyHeight(318);
  const sorted = (field: SortField) => ({
    sorter: true,
    sortOrder: sort.sort === field ? (sort.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
    sortDirections: ['ascend' as const, 'descend' as const],
  });
  const columns: ColumnsType<ApplicationRow> = [
    { title: '单位名称', dataIndex: 'name', key: 'name', width: 250, ellipsis: true, ...sorted('name') },
    {
      title: '统一社会信用代码',
      dataIndex: 'uscc',
      key: 'uscc',
      width: 186,
      ...sorted('uscc'),
      render: (v: string) => <span style={{ fontVariantNumeric: 'tabular-nums', letterSpacing: 0.3 }}>{v}</span>,
    },
    { title: '县（市）区', dataIndex: 'district', key: 'district', width: 112, ellipsis: true, ...sorted('district') },
    { title: '产业', dataIndex: 'industry', key: 'industry', width: 100, ellipsis: true, ...sorted('industry') },
    {
      title: '途径',
      dataIndex: 'route',
      key: 'route',
      width: 92,
      ...sorted('route'),
      render: (r: ApplicationRow['route']) => (r === 'recommended' ? '推荐' : '自愿'),
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 96,
      ...sorted('status'),
      render: (s: ApplicationRow['status'], row) => (
        <Tag color={STATUS_COLORS[s]} title={row.supplementDeadline ? `补正期限：${formatDate(row.supplementDeadline)}` : undefined}>
          {STATUS_LABELS[s]}
        </Tag>
      ),
    },
    {
      title: '缺项数',
      key: 'missing',
      width: 72,
      align: 'right',
      render: (_: unknown, row) =>
        row.missingItems.length ? (
          <Typography.Text type="danger">{row.missingItems.length}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 166,
      ...sorted('updatedAt'),
      render: (t: string) => formatDateTime(t),
    },
  ];
  return (
    <Table<ApplicationRow>
      rowKey="id"
      size="small"
      virtual
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 1074, y: height }}
      tableLayout="fixed"
      locale={{ emptyText }}
      showSorterTooltip={false}
      onRow={(row) => ({ onClick: () => onOpen(row), style: { cursor: 'pointer' }, title: `${ROUTE_LABELS[row.route]}：${row.name}` })}
      onChange={(_p, _f, sorter) => {
        const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<ApplicationRow> | undefined;
        if (!s?.order || !s.columnKey) onSort({ sort: 'updatedAt', order: 'desc' });
        else onSort({ sort: s.columnKey as SortField, order: s.order === 'ascend' ? 'asc' : 'desc' });
      }}
    />
  );
}
