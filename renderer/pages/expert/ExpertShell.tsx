import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Layout, Spin, Typography } from 'antd';
import { AuditOutlined, InfoCircleOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { ExpertDraft, ExpertState, ImportPackageReport, WipeReport } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { useRemote } from '../../components/useRemote';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ImportPackage } from './ImportPackage';
import { Workbench } from './Workbench';
import { AboutModal } from '../setup/AboutModal';
import { hasStagedFile, useOpenFileArrivals } from '../setup/openFile';

export const EXPERT_TITLE = '产业知识产权中心认定工作台 · 专家评审';

type Notice = { kind: 'imported'; report: ImportPackageReport } | { kind: 'wiped'; report: WipeReport } | null;

/**
 * 专家模式 (#/expert): its own shell, no secretariat navigation. The expert sees the imported package only:
 * 导入评审包 → 评审工作台 → 导出评分结果 → 清除本机评审数据.
 */
export function ExpertShell() {
  const remote = useRemote(() => desk.call('expert.state', {}), []);
  const [state, setState] = useState<ExpertState>();
  // A review package double-clicked while one is already here opens the import screen with it.
  const [importing, setImporting] = useState(() => hasStagedFile('expertPackage'));
  const [about, setAbout] = useState(false);
  useOpenFileArrivals(() => {
    if (hasStagedFile('expertPackage')) setImporting(true);
  });
  const [notice, setNotice] = useState<Notice>(null);

  useEffect(() => {
    if (remote.data) setState(remote.data);
  }, [remote.data]);
  useEffect(() => {
    document.title = EXPERT_TITLE;
  }, []);

  function draftSaved(applicationId: string, draft: ExpertDraft): void {
    setState((s) => (s ? { ...s, drafts: { ...s.drafts, [applicationId]: draft } } : s));
  }

  const pkg = state?.package;
  let body;
  if (!state) {
    body = remote.error ? (
      <ErrorAlert error={remote.error} title="无法读取本机评审数据" onRetry={remote.reload} />
    ) : (
      <Flex justify="center" style={{ paddingTop: 80 }}>
        <Spin size="large" />
      </Flex>
    );
  } else if (!pkg || importing) {
    body = (
      <>
        {notice?.kind === 'wiped' ? (
          <Alert
            type={notice.report.notRemoved.length ? 'warning' : 'success'}
            showIcon
            title={notice.report.notRemoved.length ? '本机评审数据未能全部清除' : '本机评审数据已清除'}
            description={notice.report.message}
            style={{ width: 620, maxWidth: '100%', margin: '0 auto', flex: 'none' }}
            data-testid="wipe-notice"
            closable={{ onClose: () => setNotice(null) }}
          />
        ) : null}
        <ImportPackage
          onImported={(report) => {
            setNotice({ kind: 'imported', report });
            setImporting(false);
            remote.reload();
          }}
          {...(pkg ? { onCancel: () => setImporting(false) } : {})}
        />
      </>
    );
  } else {
    body = (
      <>
        {notice?.kind === 'imported' ? (
          <Alert
            type="success"
            showIcon
            title={notice.report.message}
            style={{ marginBottom: 12, flex: 'none' }}
            closable={{ onClose: () => setNotice(null) }}
            data-testid="import-notice"
          />
        ) : null}
        <Workbench
          state={state}
          onDraftSaved={draftSaved}
          onImportNewer={() => setImporting(true)}
          onChanged={(wiped) => {
            setNotice(wiped ? { kind: 'wiped', report: wiped } : null);
            remote.reload();
          }}
        />
      </>
    );
  }

  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16 }}>
        <Flex align="center" gap={10} style={{ minWidth: 0 }}>
          <AuditOutlined style={{ color: '#fff', fontSize: 20 }} />
          <Typography.Title level={1} style={{ color: '#fff', fontSize: 17, margin: 0, whiteSpace: 'nowrap' }}>
            {EXPERT_TITLE}
          </Typography.Title>
        </Flex>
        <Flex align="center" gap={8} style={{ color: 'rgba(255,255,255,0.88)', whiteSpace: 'nowrap' }} data-testid="expert-identity">
          <SafetyCertificateOutlined />
          {pkg ? `评审专家：${pkg.expertName}` : '专家模式 · 离线评审'}
          <Button type="text" size="small" icon={<InfoCircleOutlined />} onClick={() => setAbout(true)} style={{ color: '#fff' }}>
            关于
          </Button>
        </Flex>
        <AboutModal open={about} onClose={() => setAbout(false)} />
      </Layout.Header>
      <Layout.Content style={{ padding: 16, minWidth: 0, minHeight: 0, display: 'flex', flexDirection: 'column', overflow: 'auto' }}>
        {body}
      </Layout.Content>
    </Layout>
  );
}
