import { useEffect, useState, type CSSProperties } from 'react';
import { Button, Flex, Progress, Tag, Typography } from 'antd';
import { CheckCircleFilled, ExportOutlined, ImportOutlined } from '@ant-design/icons';
import type { ExpertDraft, ExpertState, WipeReport } from '../../../electron/core/contract/index.js';
import { formatDate, formatDateTime } from '../../format';
import { ApplicationDetail } from './ApplicationDetail';
import { ScoreForm } from './ScoreForm';
import { ExportPanel } from './ExportPanel';

interface Props {
  state: ExpertState;
  onDraftSaved: (applicationId: string, draft: ExpertDraft) => void;
  onChanged: (wiped?: WipeReport) => void;
  onImportNewer: () => void;
}

const PANE: CSSProperties = { background: '#fff', border: '1px solid #f0f0f0', borderRadius: 4, overflow: 'auto', minHeight: 0 };

/** 评审工作台: the package's applications with progress, the selected one's data and its scoring form. */
export function Workbench({ state, onDraftSaved, onChanged, onImportNewer }: Props) {
  const pkg = state.package!;
  const apps = pkg.applications;
  const [selected, setSelected] = useState(apps[0]?.id ?? '');
  const [exportOpen, setExportOpen] = useState(false);
  const index = Math.max(
    0,
    apps.findIndex((a) => a.id === selected),
  );
  const current = apps[index];
  const done = apps.filter((a) => state.drafts[a.id]?.complete).length;

  // Alt+↓ / Alt+↑: next / previous application (keyboard users).
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!e.altKey || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
      e.preventDefault();
      const next = apps[index + (e.key === 'ArrowDown' ? 1 : -1)];
      if (next) setSelected(next.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [apps, index]);

  return (
    <Flex vertical gap={12} style={{ flex: 1, minHeight: 0 }}>
      <Flex
        align="center"
        justify="space-between"
        gap={16}
        style={{ ...PANE, overflow: 'hidden', padding: '10px 16px', flex: 'none' }}
        data-testid="package-bar"
      >
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 15 }}>
            {pkg.batchTitle}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            评审专家：{pkg.expertName} · 评分表第{pkg.template.version}版 · 导入于 {formatDateTime(pkg.importedAt)}
            {pkg.deadline ? ` · 请于 ${formatDate(pkg.deadline)} 前交回评分结果` : ''}
          </Typography.Text>
        </div>
        <Flex align="center" gap={12} style={{ flex: 'none' }}>
          <span style={{ width: 170 }} data-testid="progress">
            <Typography.Text style={{ fontSize: 12 }}>
              已完成 {done} / {apps.length}
            </Typography.Text>
            <Progress
              percent={apps.length ? Math.round((done / apps.length) * 100) : 0}
              size="small"
              showInfo={false}
              style={{ margin: 0 }}
            />
          </span>
          <Button type={done === apps.length ? 'primary' : 'default'} icon={<ExportOutlined />} onClick={() => setExportOpen(true)}>
            导出评分结果
          </Button>
          <Button type="text" icon={<ImportOutlined />} onClick={onImportNewer} title="秘书处重新发放评审包时使用；已有草稿会保留">
            导入新评审包
          </Button>
        </Flex>
      </Flex>

      <Flex gap={12} style={{ flex: 1, minHeight: 0 }}>
        <nav aria-label="评审申报列表" style={{ ...PANE, width: 250, flex: 'none', padding: 6 }}>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, padding: '2px 8px 6px' }}>
            共 {apps.length} 份申报（Alt+↑/↓ 切换）
          </Typography.Text>
          {apps.map((a, i) => {
            const d = state.drafts[a.id];
            const active = a.id === current?.id;
            return (
              <button
                key={a.id}
                type="button"
                onClick={() => setSelected(a.id)}
                aria-current={active ? 'true' : undefined}
                data-testid="package-application"
                style={{
                  display: 'block',
                  width: '100%',
                  textAlign: 'left',
                  border: 'none',
                  borderLeft: `3px solid ${active ? '#a8071a' : 'transparent'}`,
                  background: active ? '#fff1f0' : 'transparent',
                  padding: '8px 10px',
                  marginBottom: 2,
                  borderRadius: 2,
                  cursor: 'pointer',
                  font: 'inherit',
                }}
              >
                <Typography.Text strong={active} ellipsis style={{ display: 'block', color: active ? '#a8071a' : undefined }}>
                  {i + 1}. {a.unitName}
                </Typography.Text>
                <Flex justify="space-between" align="center" style={{ marginTop: 4 }}>
                  {d?.complete ? (
                    <Tag color="success" icon={<CheckCircleFilled />} style={{ marginInlineEnd: 0 }}>
                      已完成
                    </Tag>
                  ) : (
                    <Tag color={d ? 'warning' : 'default'} style={{ marginInlineEnd: 0 }}>
                      未完成
                    </Tag>
                  )}
                  {d?.complete ? (
                    <Typography.Text style={{ fontSize: 13 }} data-testid="list-total">
                      {d.total} 分
                    </Typography.Text>
                  ) : null}
                </Flex>
              </button>
            );
          })}
        </nav>

        {current ? (
          <>
            <main style={{ ...PANE, flex: 1, minWidth: 0, padding: '12px 16px' }} aria-label="申报信息">
              <Typography.Title level={4} style={{ margin: '0 0 12px', fontSize: 17 }}>
                {current.unitName}
              </Typography.Title>
              <ApplicationDetail application={current} />
            </main>
            <aside style={{ ...PANE, width: 400, flex: 'none', padding: '12px 16px' }} aria-label="评分">
              <ScoreForm
                key={current.id}
                application={current}
                template={pkg.template}
                draft={state.drafts[current.id]}
                onSaved={onDraftSaved}
                {...(apps[index + 1] ? { onNext: () => setSelected(apps[index + 1]!.id) } : {})}
              />
            </aside>
          </>
        ) : (
          <main style={{ ...PANE, flex: 1, padding: 24 }}>评审包中没有申报。</main>
        )}
      </Flex>
      <ExportPanel open={exportOpen} state={state} onClose={() => setExportOpen(false)} onChanged={onChanged} />
    </Flex>
  );
}
