import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, App, Button, Card, Col, Empty, Flex, Input, Menu, Row, Select, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { RollbackOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import type { TemplateDetail, TemplatePreview } from '../../../electron/core/contract/index.js';
import { TEMPLATE_SOURCE_LABELS, type TemplateId, type TemplatePart } from '../../../electron/core/contract/templates-labels.js';
import { desk } from '../../rpc';
import { formatDateTime } from '../../format';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRemote } from '../../components/useRemote';
import { useSubmit } from '../../components/useSubmit';
import { NoticeFactsCard } from './NoticeFactsCard';
import { PdfPreview } from '../../components/PdfPreview';

type Parts = Partial<Record<TemplatePart, string>>;

/** Milliseconds of quiet typing before the preview is rendered again. */
const PREVIEW_DEBOUNCE = 350;

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** 设置 › 文书模板: the templates, an editor per part with insertable placeholders, and a live PDF preview. */
export function TemplatesPage() {
  const list = useRemote(() => desk.call('templates.list', {}), []);
  const [selected, setSelected] = useState<TemplateId>('acceptanceNotice');
  const [tick, setTick] = useState(0);
  const detail = useRemote(() => desk.call('templates.get', { id: selected }), [selected, tick]);
  const reloadAll = useCallback(() => {
    list.reload();
    setTick((t) => t + 1);
  }, [list]);

  return (
    <>
      <PageHeader
        title="文书模板"
        description="各类通知书、决定的文字。占位符（如{申报单位}）在生成文书时按数据和设置填入；每次保存为一个新版本，已发出的文书仍按其当时的版本重印。"
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <NoticeFactsCard onSaved={reloadAll} />
        <ErrorAlert error={list.error} title="无法读取文书模板" onRetry={list.reload} />
        <Row gutter={16} wrap={false}>
          <Col flex="236px">
            <Card size="small" title="模板" styles={{ body: { padding: 0 } }}>
              <Menu
                aria-label="文书模板列表"
                mode="inline"
                selectedKeys={[selected]}
                style={{ borderInlineEnd: 'none' }}
                onClick={(e) => setSelected(e.key as TemplateId)}
                items={(list.data ?? []).map((t) => ({
                  key: t.id,
                  label: (
                    <Flex justify="space-between" align="center" gap={4} data-testid={`template-item-${t.id}`}>
                      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }} title={t.label}>
                        {t.label}
                      </span>
                      <Tag color={t.edited ? 'blue' : undefined} style={{ marginInlineEnd: 0 }}>
                        第{t.version}版
                      </Tag>
                    </Flex>
                  ),
                }))}
              />
            </Card>
          </Col>
          <Col flex="auto" style={{ minWidth: 0 }}>
            <ErrorAlert error={detail.error} title="无法读取模板" onRetry={detail.reload} />
            {detail.data && detail.data.id === selected ? (
              <TemplateEditor key={`${detail.data.id}:${detail.data.version}`} detail={detail.data} onSaved={reloadAll} refresh={tick} />
            ) : (
              <Spin />
            )}
          </Col>
        </Row>
      </Space>
    </>
  );
}

/** `refresh` changes when the settings the preview prints from were saved: the preview is rendered again. */
function TemplateEditor({ detail, onSaved, refresh }: { detail: TemplateDetail; onSaved: () => void; refresh: number }) {
  const { message, modal } = App.useApp();
  const { saving, error, run } = useSubmit();
  const [parts, setParts] = useState<Parts>(detail.parts);
  const [viewing, setViewing] = useState<number>(detail.shownVersion);
  const saved = useRef<Parts>(detail.parts);
  const caret = useRef<{ part: TemplatePart; start: number; end: number }>({ part: 'body', start: 0, end: 0 });
  const areas = useRef<Partial<Record<TemplatePart, HTMLTextAreaElement | null>>>({});
  const dirty = useMemo(() => detail.partSpecs.some((s) => (parts[s.part] ?? '') !== (saved.current[s.part] ?? '')), [parts, detail]);

  // Live preview: the real PDF of the text as typed (debounced; the last answer wins).
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [previewing, setPreviewing] = useState(false);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setPreviewing(true);
    const timer = setTimeout(() => {
      desk.call('templates.preview', { id: detail.id, parts }).then(
        (p) => {
          if (mine !== seq.current) return;
          setPreview(p);
          setPreviewError(null);
          setPreviewing(false);
        },
        (err: unknown) => {
          if (mine !== seq.current) return;
          setPreviewError(err);
          setPreviewing(false);
        },
      );
    }, PREVIEW_DEBOUNCE);
    return () => clearTimeout(timer);
  }, [parts, detail.id, refresh]);
  const bytes = useMemo(() => (preview ? base64ToBytes(preview.pdfBase64) : null), [preview]);

  const remember = (part: TemplatePart, el: HTMLTextAreaElement) => {
    caret.current = { part, start: el.selectionStart, end: el.selectionEnd };
  };

  const insert = (token: string) => {
    const { part, start, end } = caret.current;
    const text = parts[part] ?? '';
    const next = text.slice(0, start) + token + text.slice(end);
    setParts({ ...parts, [part]: next });
    const pos = start + token.length;
    caret.current = { part, start: pos, end: pos };
    requestAnimationFrame(() => {
      const el = areas.current[part];
      if (el) {
        el.focus();
        el.setSelectionRange(pos, pos);
      }
    });
  };

  const save = () =>
    run(async () => {
      await desk.call('templates.save', { id: detail.id, parts, baseVersion: detail.version });
      message.success(`“${detail.label}”已保存为第${detail.version + 1}版。`);
      onSaved();
    });

  const restoreDefault = () =>
    modal.confirm({
      title: `将“${detail.label}”恢复为默认文本？`,
      content: '恢复后保存为一个新版本；已发出的文书仍按原版本重印。',
      okText: '恢复默认',
      cancelText: '取消',
      onOk: () =>
        run(async () => {
          await desk.call('templates.restoreDefault', { id: detail.id });
          message.success(`“${detail.label}”已恢复默认文本。`);
          onSaved();
        }),
    });

  const discard = () => {
    setParts(saved.current);
    setViewing(detail.shownVersion);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'Enter')) {
      e.preventDefault();
      if (dirty && !saving) void save();
    } else if (e.key === 'Escape' && dirty) {
      e.preventDefault();
      modal.confirm({ title: '放弃未保存的修改？', okText: '放弃修改', cancelText: '继续编辑', onOk: discard });
    }
  };

  const loadVersion = async (version: number) => {
    const d = await desk.call('templates.get', { id: detail.id, version });
    setParts(d.parts);
    setViewing(version);
  };

  return (
    <Row gutter={16} wrap={false}>
      <Col flex="1 1 50%" style={{ minWidth: 0 }}>
        <Card
          size="small"
          title={
            <Space size={8}>
              <span>{detail.label}</span>
              <Tag>{detail.kindLabel}</Tag>
              <Tag color={detail.edited ? 'blue' : undefined}>当前第{detail.version}版</Tag>
              {dirty ? <Tag color="orange">未保存</Tag> : null}
            </Space>
          }
          extra={
            detail.versions.length > 1 ? (
              <Select<number>
                size="small"
                aria-label="历史版本"
                value={viewing}
                style={{ width: 150 }}
                onChange={(v) => void loadVersion(v)}
                options={[...detail.versions].reverse().map((v) => ({
                  value: v.version,
                  label: `第${v.version}版 ${TEMPLATE_SOURCE_LABELS[v.source]}`,
                  title: `${formatDateTime(v.savedAt)} ${v.savedBy}`,
                }))}
              />
            ) : null
          }
        >
          <div onKeyDown={onKeyDown} data-testid="template-editor">
            <ErrorAlert error={error} title="未能保存模板" />
            {viewing !== detail.version ? (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 8 }}
                title={`正在查看第${viewing}版的文字；保存后成为第${detail.version + 1}版。`}
              />
            ) : null}
            {detail.partSpecs.map((s) => (
              <div key={s.part} style={{ marginBottom: 10 }}>
                <Typography.Text strong>{s.label}</Typography.Text>
                <Input.TextArea
                  aria-label={s.label}
                  value={parts[s.part] ?? ''}
                  maxLength={s.max}
                  autoSize={s.multiline ? { minRows: 8, maxRows: 16 } : { minRows: 1, maxRows: 2 }}
                  ref={(r) => {
                    areas.current[s.part] = r?.resizableTextArea?.textArea ?? null;
                  }}
                  onChange={(e) => {
                    setParts({ ...parts, [s.part]: e.target.value });
                    remember(s.part, e.target);
                  }}
                  onSelect={(e) => remember(s.part, e.currentTarget)}
                  onFocus={(e) => remember(s.part, e.currentTarget)}
                  style={{ marginTop: 4, fontFamily: 'inherit' }}
                />
              </div>
            ))}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {detail.id === 'certificate'
                ? '正文每行一段，首行缩进两字；文字较长时自动缩小字号，缩至四号仍放不下时不能保存。其余各行留空则不印。Ctrl+S 保存，Esc 放弃修改。'
                : '正文每行一段；以“一、”开头的短行印为黑体标题，“（一）”印为楷体。行首的[条件]表示该行只在条件成立时印出。Ctrl+S 保存，Esc 放弃修改。'}
            </Typography.Text>
            <div style={{ marginTop: 8 }} aria-label="可用的占位符">
              <Typography.Text>点击插入占位符：</Typography.Text>
              <Flex wrap gap={4} style={{ marginTop: 4 }}>
                {detail.placeholders.map((p) => (
                  <Tooltip key={p.name} title={p.description}>
                    <Button size="small" onClick={() => insert(`{${p.name}}`)} data-testid={`placeholder-${p.name}`}>
                      {`{${p.name}}`}
                    </Button>
                  </Tooltip>
                ))}
              </Flex>
              {detail.conditions.length > 0 ? (
                <Flex wrap gap={4} style={{ marginTop: 6 }} align="center">
                  <Typography.Text>条件：</Typography.Text>
                  {detail.conditions.map((c) => (
                    <Tooltip key={c.name} title={c.description}>
                      <Button size="small" type="dashed" onClick={() => insert(`[${c.name}]`)}>
                        {`[${c.name}]`}
                      </Button>
                    </Tooltip>
                  ))}
                </Flex>
              ) : null}
            </div>
            <Flex gap={8} style={{ marginTop: 12 }}>
              <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!dirty} onClick={() => void save()}>
                保存为新版本
              </Button>
              <Button icon={<UndoOutlined />} disabled={!dirty} onClick={discard}>
                放弃修改
              </Button>
              <Button icon={<RollbackOutlined />} disabled={!detail.edited || saving} onClick={() => void restoreDefault()}>
                恢复默认
              </Button>
            </Flex>
          </div>
        </Card>
      </Col>
      <Col flex="1 1 50%" style={{ minWidth: 0 }}>
        <Card
          size="small"
          title={
            <Space size={8}>
              <span>预览（样例数据 + 当前设置）</span>
              {previewing ? <Spin size="small" /> : null}
            </Space>
          }
          data-testid="template-preview"
        >
          {(() => {
            const warnings = previewError || !preview ? detail.warnings : preview.warnings;
            return warnings.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 8 }}
                title="文书信息未设置完整"
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {warnings.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                }
              />
            ) : null;
          })()}
          <ErrorAlert error={previewError} title="无法预览" />
          {bytes && !previewError ? <PdfPreview source={{ kind: 'bytes', data: bytes }} /> : null}
          {preview && !previewError ? (
            <div style={{ marginTop: 12, maxHeight: 520, overflow: 'auto' }} data-testid="preview-text">
              <Typography.Title level={5} style={{ textAlign: 'center' }}>
                {preview.title}
              </Typography.Title>
              {preview.paragraphs.map((p, i) => (
                <Typography.Paragraph key={i} style={{ textIndent: '2em', marginBottom: 6 }}>
                  {p}
                </Typography.Paragraph>
              ))}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                共{preview.pages}页
              </Typography.Text>
            </div>
          ) : !previewError && !preview ? (
            <Empty description="正在生成预览…" />
          ) : null}
        </Card>
      </Col>
    </Row>
  );
}
