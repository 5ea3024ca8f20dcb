import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import {
  AuditOutlined,
  CalendarOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  HomeOutlined,
  InboxOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
} from '@ant-design/icons';
import { BatchesPage } from './pages/batches/BatchesPage';
import { ApplicationsPage } from './pages/applications/ApplicationsPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { AuditLogPage } from './pages/settings/AuditLogPage';
import { BackupsPage } from './pages/settings/BackupsPage';
import { TemplatesPage } from './pages/templates/TemplatesPage';
import { ExpertsPage } from './pages/expert-review/ExpertsPage';
import { OrganizePage } from './pages/expert-review/OrganizePage';
import { EntryPage } from './pages/expert-review/EntryPage';
import { ResultImportPage } from './pages/expert-review/ResultImportPage';
import { ResultsPage } from './pages/expert-review/ResultsPage';
import { DesignationPage } from './pages/designation/DesignationPage';
import { CentersPage } from './pages/centers/CentersPage';
import { SummariesPage } from './pages/centers/SummariesPage';
import { AssessmentsPage } from './pages/centers/AssessmentsPage';
import { TriennialPage } from './pages/centers/TriennialPage';
import { ArchivePage } from './pages/archive/ArchivePage';
import { HomePage } from './pages/dashboard/HomePage';

export interface RouteDef {
  path: string;
  title: string;
  render: () => ReactNode;
}

export const DEFAULT_ROUTE = '/home';

export const ROUTES: RouteDef[] = [
  { path: '/home', title: '首页', render: () => <HomePage /> },
  { path: '/batches', title: '申报批次', render: () => <BatchesPage /> },
  { path: '/applications', title: '申报登记', render: () => <ApplicationsPage /> },
  { path: '/review/experts', title: '专家库', render: () => <ExpertsPage /> },
  { path: '/review/organize', title: '评审组织', render: () => <OrganizePage /> },
  { path: '/review/entry', title: '评分录入', render: () => <EntryPage /> },
  { path: '/review/import', title: '导入评分结果', render: () => <ResultImportPage /> },
  { path: '/review/results', title: '评审结果', render: () => <ResultsPage /> },
  { path: '/designation', title: '公示与认定', render: () => <DesignationPage /> },
  { path: '/centers', title: '中心名录', render: () => <CentersPage /> },
  { path: '/centers/summaries', title: '年度工作总结', render: () => <SummariesPage /> },
  { path: '/centers/assessments', title: '中期考核', render: () => <AssessmentsPage /> },
  { path: '/centers/reviews', title: '三年复核', render: () => <TriennialPage /> },
  { path: '/archive', title: '年度档案', render: () => <ArchivePage /> },
  { path: '/settings', title: '基本设置', render: () => <SettingsPage /> },
  { path: '/settings/templates', title: '文书模板', render: () => <TemplatesPage /> },
  { path: '/settings/audit', title: '操作日志', render: () => <AuditLogPage /> },
  { path: '/settings/backups', title: '备份与恢复', render: () => <BackupsPage /> },
];

type MenuItem = Required<MenuProps>['items'][number];

export const MENU_ITEMS: MenuItem[] = [
  { key: '/home', icon: <HomeOutlined />, label: '首页' },
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
  {
    key: 'centers',
    icon: <ShopOutlined />,
    label: '中心管理',
    children: [
      { key: '/centers', label: '中心名录' },
      { key: '/centers/summaries', label: '年度工作总结' },
      { key: '/centers/assessments', label: '中期考核' },
      { key: '/centers/reviews', label: '三年复核' },
    ],
  },
  { key: '/archive', icon: <FolderOpenOutlined />, label: '年度档案' },
  {
    key: 'settings',
    icon: <SettingOutlined />,
    label: '设置',
    children: [
      { key: '/settings', label: '基本设置' },
      { key: '/settings/templates', label: '文书模板' },
      { key: '/settings/audit', label: '操作日志' },
      { key: '/settings/backups', label: '备份与恢复' },
    ],
  },
];

/** The open submenu for a route. */
export function parentKey(path: string): string | undefined {
  if (path === '/batches' || path === '/applications') return 'intake';
  if (path.startsWith('/review')) return 'review';
  if (path.startsWith('/centers')) return 'centers';
  if (path.startsWith('/settings')) return 'settings';
  return undefined;
}
