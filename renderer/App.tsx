import { useEffect, useState } from 'react';
import { App as AntApp, Button, ConfigProvider, Flex, Layout, Menu, Result, Spin, Typography, theme } from 'antd';
import { BankOutlined, InfoCircleOutlined, UserOutlined } from '@ant-design/icons';
import type { RoleState } from '../electron/core/contract/index.js';
import { ROLE_LABELS } from '../electron/core/contract/setup-labels.js';
import { routeAllowedInRole } from '../electron/core/domain/roles.js';
import { desk } from './rpc';
import { ErrorAlert } from './components/ErrorAlert';
import { FirstStartPage } from './pages/setup/FirstStartPage';
import { AboutModal } from './pages/setup/AboutModal';
import { useOpenFileReceiver } from './pages/setup/openFile';
import zhCN from 'antd/locale/zh_CN';
import { SettingsProvider, useSettings } from './components/SettingsContext';
import { DEFAULT_ROUTE, MENU_ITEMS, ROUTES, parentKey } from './routes';
import { currentRoute, navigate, useRoute } from './router';
import { ExpertShell } from './pages/expert/ExpertShell';
import { ProgressTray } from './components/ProgressTray';
import { SIGNED_OUT_MESSAGE, useSignedOut } from './session';

const APP_TITLE = '产业知识产权中心认定工作台';

/** Restrained government-office look: a deep official red for primary actions, neutral greys elsewhere. */
const deskTheme = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#a8071a',
    colorLink: '#a8071a',
    borderRadius: 4,
    fontSize: 14,
    fontFamily:
      "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', system-ui, sans-serif",
  },
  components: {
    Layout: { headerBg: '#8c1c13', headerHeight: 56, headerPadding: '0 20px', siderBg: '#ffffff', bodyBg: '#f2f4f7' },
    Menu: { itemSelectedBg: '#fff1f0', itemSelectedColor: '#a8071a' },
    Table: { headerBg: '#f5f5f5' },
  },
};

function DeskHeader() {
  const { settings } = useSettings();
  const [about, setAbout] = useState(false);
  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16 }}>
      <Flex align="center" gap={10} style={{ minWidth: 0 }}>
        <BankOutlined style={{ color: '#fff', fontSize: 20 }} />
        <Typography.Text strong style={{ color: '#fff', fontSize: 17, whiteSpace: 'nowrap' }}>
          {APP_TITLE}
        </Typography.Text>
      </Flex>
      <Flex
        align="center"
        gap={16}
        style={{ color: 'rgba(255,255,255,0.88)', whiteSpace: 'nowrap', minWidth: 0 }}
        data-testid="header-identity"
      >
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{settings?.bureauName ?? ''}</span>
        <span>
          <UserOutlined /> 操作人：{settings?.operatorName || '未设置'}
        </span>
        <Button type="text" size="small" icon={<InfoCircleOutlined />} onClick={() => setAbout(true)} style={{ color: '#fff' }}>
          关于
        </Button>
      </Flex>
      <AboutModal open={about} onClose={() => setAbout(false)} />
    </Layout.Header>
  );
}

function Shell() {
  const route = useRoute();
  const page = ROUTES.find((r) => r.path === route);
  const [collapsed, setCollapsed] = useState(false);
  const parent = parentKey(route);
  const [openKeys, setOpenKeys] = useState<string[]>(['intake', 'settings']);

  useEffect(() => {
    if (!page && route === '/' && currentRoute() === '/') navigate(DEFAULT_ROUTE);
  }, [page, route]);
  useEffect(() => {
    document.title = page ? `${page.title} - ${APP_TITLE}` : APP_TITLE;
    if (parent) setOpenKeys((keys) => (keys.includes(parent) ? keys : [...keys, parent]));
  }, [page, parent]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <DeskHeader />
      <Layout>
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={196}
          breakpoint="lg"
          theme="light"
          style={{ borderRight: '1px solid #f0f0f0' }}
          trigger={<span aria-label={collapsed ? '展开导航' : '收起导航'}>{collapsed ? '»' : '« 收起'}</span>}
        >
          <nav aria-label="主导航">
            <Menu
              mode="inline"
              selectedKeys={[route]}
              {...(collapsed ? {} : { openKeys, onOpenChange: setOpenKeys })}
              items={MENU_ITEMS}
              onClick={({ key }) => navigate(key)}
              style={{ borderInlineEnd: 'none', paddingTop: 8 }}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 20, minWidth: 0 }}>
          {page ? (
            page.render()
          ) : route === '/' ? null : (
            <Result status="404" title="找不到该页面" subTitle="请从左侧导航选择要办理的事项。" />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** 专家模式 lives under #/expert: its own shell, no secretariat navigation. */
function isExpertRoute(route: string): boolean {
  return route === '/expert' || route.startsWith('/expert/');
}

/** The web host refused the token: one full-page message, and none of the pages (their empty states would look like lost data). */
function SignedOutPage() {
  return (
    <Layout style={{ minHeight: '100vh', justifyContent: 'center' }}>
      <Result
        status="warning"
        title={<span role="alert">{SIGNED_OUT_MESSAGE}</span>}
        subTitle="访问口令已失效或未带上（例如工作台已重新启动）。请复制工作台启动时在命令行窗口打印的完整地址（…/?token=…），在浏览器中重新打开。"
      />
    </Layout>
  );
}

/** A route of the other role: refused (专家模式 never shows the secretariat's pages, and the other way round). */
function RouteRefused({ role }: { role: NonNullable<RoleState['role']> }) {
  const expert = role === 'expert';
  return (
    <Layout style={{ minHeight: '100vh', justifyContent: 'center' }}>
      <Result
        status="403"
        title={expert ? '专家模式下不能使用秘书处的功能' : '这台电脑是秘书处工作台'}
        subTitle={
          expert
            ? `这台电脑用作“${ROLE_LABELS.expert}”，只能导入评审包、离线评分和导出评分结果。`
            : `专家模式只在评审专家的电脑上使用（开始菜单“评审专家模式”，或在“关于”中更改本机用途）。`
        }
        extra={
          <Button type="primary" autoFocus onClick={() => navigate(expert ? '/expert' : DEFAULT_ROUTE)}>
            {expert ? '回到评审工作台' : '回到首页'}
          </Button>
        }
      />
    </Layout>
  );
}

/** What this computer is for decides what shows: the first-start question, the expert's shell or the secretariat's desk. */
function RoleGate() {
  const route = useRoute();
  const [state, setState] = useState<RoleState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setError(null);
    desk.call('setup.role', {}).then(
      (s) => live && setState(s),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [tick]);
  const role = state?.role ?? null;
  useOpenFileReceiver(role !== null);
  useEffect(() => {
    // the address itself, not the route state: a route asked for while the role was loading may not have reached it yet
    if (role && route === '/' && currentRoute() === '/') navigate(role === 'expert' ? '/expert' : DEFAULT_ROUTE);
  }, [role, route]);

  if (!state) {
    return error ? (
      <Flex justify="center" style={{ paddingTop: 80 }}>
        <div style={{ width: 560 }}>
          <ErrorAlert error={error} title="无法读取本机用途" onRetry={() => setTick((t) => t + 1)} />
        </div>
      </Flex>
    ) : (
      <Flex justify="center" style={{ paddingTop: 120 }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (!role)
    return (
      <FirstStartPage
        onChosen={(s) => {
          navigate(s.startRoute);
          setState(s);
        }}
      />
    );
  if (route === '/') return null;
  if (!routeAllowedInRole(role, route)) return <RouteRefused role={role} />;
  return isExpertRoute(route) ? (
    <ExpertShell />
  ) : (
    <SettingsProvider>
      <Shell />
    </SettingsProvider>
  );
}

export default function App() {
  const signedOut = useSignedOut();
  if (signedOut) {
    return (
      <ConfigProvider locale={zhCN} theme={deskTheme}>
        <SignedOutPage />
      </ConfigProvider>
    );
  }
  return (
    <ConfigProvider locale={zhCN} theme={deskTheme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <RoleGate />
        <ProgressTray />
      </AntApp>
    </ConfigProvider>
  );
}
