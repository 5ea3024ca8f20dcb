import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import {
  AuditOutlined,
  CalendarOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  InboxOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
} from '@ant-design/icons';
import { ComingSoon } from './components/ComingSoon';
import { BatchesPage } from './pages/batches/BatchesPage';
import { ApplicationsPage } from './pages/applications/ApplicationsPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { AuditLogPage } from './pages/settings/AuditLogPage';
import { BackupsPage } from './pages/settings/BackupsPage';
import { ExpertsPage } from './pages/review/ExpertsPage';
import { OrganizePage } from './pages/review/OrganizePage';
import { EntryPage } from './pages/review/EntryPage';
import { ResultImportPage } from './pages/review/ResultImportPage';
import { ResultsPage } from './pages/review/ResultsPage';
import { DesignationPage } from './pages/designation/DesignationPage';
import { CentersPage } from './pages/centers/CentersPage';

export interface RouteDef {
  path: string;
  title: string;
  render: () => ReactNode;
}

export const DEFAULT_ROUTE = '/batches';

export const ROUTES: RouteDef[] = [
  { path: '/batches', title: '申报批次', render: () => <BatchesPage /> },
  { path: '/applications', title: '申报登记', render: () => <ApplicationsPage /> },
  { path: '/review/experts', title: '专家库', render: () => <ExpertsPage /> },
  { path: '/review/organize', title: '评审组织', render: () => <OrganizePage /> },
  { path: '/review/entry', title: '评分录入', render: () => <EntryPage /> },
  { path: '/review/import', title: '导入评分结果', render: () => <ResultImportPage /> },
  { path: '/review/results', title: '评审结果', render: () => <ResultsPage /> },
  { path: '/designation', title: '公示与认定', render: () => <DesignationPage /> },
  { path: '/centers', title: '中心管理', render: () => <CentersPage /> },
  {
    path: '/archive',
    title: '年度档案',
    render: () => <ComingSoon area="年度档案" plan="按年度归档批次、评审、公示与认定材料，并可导出档案包。" />,
  },
  { path: '/settings', title: '基本设置', render: () => <SettingsPage /> },
  { path: '/settings/audit', title: '操作日志', render: () => <AuditLogPage /> },
  { path: '/settings/backups', title: '备份与恢复', render: () => <BackupsPage /> },
];

type MenuItem = Required<MenuProps>['items'][number];

export const MENU_ITEMS: MenuItem[] = [
  {
    key: 'intake',
    icon: <InboxOutlined />,
    label: '申报受理',
    children: [
      { key: '/batches', icon: <CalendarOutlined />, label: '申报批次' },
      { key: '/applications', icon: <FileSearchOutlined />, label: '申报登记' },
    ],
  },
  {
    key: 'review',
    icon: <AuditOutlined />,
    label: '专家评审',
    children: [
      { key: '/review/experts', label: '专家库' },
      { key: '/review/organize', label: '评审组织' },
      { key: '/review/entry', label: '评分录入' },
      { key: '/review/import', label: '导入评分结果' },
      { key: '/review/results', label: '评审结果' },
    ],
  },
  { key: '/designation', icon: <SafetyCertificateOutlined />, label: '公示与认定' },
  { key: '/centers', icon: <ShopOutlined />, label: '中心管理' },
  { key: '/archive', icon: <FolderOpenOutlined />, label: '年度档案' },
  {
    key: 'settings',
    icon: <SettingOutlined />,
    label: '设置',
    children: [
      { key: '/settings', label: '基本设置' },
      { key: '/settings/audit', label: '操作日志' },
      { key: '/settings/backups', label: '备份与恢复' },
    ],
  },
];

/** The open submenu for a route. */
export function parentKey(path: string): string | undefined {
  if (path === '/batches' || path === '/applications') return 'intake';
  if (path.startsWith('/review')) return 'review';
  if (path.startsWith('/settings')) return 'settings';
  return undefined;
}
