import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Flex, Form, Input, InputNumber, Radio, Tag, Typography } from 'antd';
import { CheckCircleFilled, LoadingOutlined, RightOutlined, WarningOutlined } from '@ant-design/icons';
import type { ExpertDraft, PackageApplication, Recommendation, ScoringTemplate } from '../../../electron/core/contract/index.js';
import { desk, errorMessage } from '../../rpc';
import { formatTime } from '../../format';

/** Drafts are saved this long after the last keystroke. */
const SAVE_DELAY_MS = 350;

interface Props {
  application: PackageApplication;
  template: ScoringTemplate;
  draft: ExpertDraft | undefined;
  onSaved: (applicationId: string, draft: ExpertDraft) => void;
  /** Go to the next application (shown when there is one). */
  onNext?: () => void;
}

interface Values {
  scores: Record<string, number | null>;
  comment: string;
  recommendation: Recommendation | undefined;
}

type SaveStatus = { kind: 'idle' } | { kind: 'pending' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };

function initialValues(template: ScoringTemplate, draft: ExpertDraft | undefined): Values {
  return {
    scores: Object.fromEntries(template.criteria.map((c) => [c.key, draft?.scores[c.key] ?? null])),
    comment: draft?.comment ?? '',
    recommendation: draft?.recommendation,
  };
}

const time = (iso: string) => formatTime(iso, true);

/**
 * 评分表 of one application. Every change is saved as a draft shortly after typing stops; the server checks
 * it with the domain rule and answers the problems per field and the total, which are shown as they come.
 * Mount with `key={application.id}` so switching applications flushes the pending save.
 */
export function ScoreForm({ application, template, draft, onSaved, onNext }: Props) {
  const [values, setValues] = useState<Values>(() => initialValues(template, draft));
  const [server, setServer] = useState<ExpertDraft | undefined>(draft);
  const [status, setStatus] = useState<SaveStatus>(draft ? { kind: 'saved', at: draft.savedAt } : { kind: 'idle' });
  const latest = useRef(values);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const seq = useRef(0);
  const live = useRef(true);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const save = useCallback(async () => {
    timer.current = null;
    const v = latest.current;
    const n = ++seq.current;
    const scores: Record<string, number> = {};
    for (const [k, s] of Object.entries(v.scores)) if (typeof s === 'number' && Number.isFinite(s)) scores[k] = s;
    try {
      const saved = await desk.call('expert.saveDraft', {
        applicationId: application.id,
        scores,
        comment: v.comment,
        ...(v.recommendation ? { recommendation: v.recommendation } : {}),
      });
      onSavedRef.current(application.id, saved);
      if (!live.current || n !== seq.current) return;
      setServer(saved);
      setStatus({ kind: 'saved', at: saved.savedAt });
    } catch (err) {
      if (!live.current || n !== seq.current) return;
      setStatus({ kind: 'error', message: errorMessage(err) });
    }
  }, [application.id]);

  // Flush a pending save when the form goes away (another application selected, export opened).
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      if (timer.current) {
        clearTimeout(timer.current);
        void save();
      }
    };
  }, [save]);

  function change(patch: Partial<Values>): void {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setValues(next);
    setStatus({ kind: 'pending' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
  }

  const full = template.criteria.reduce((s, c) => s + c.max, 0);
  const filled = template.criteria.every((c) => typeof values.scores[c.key] === 'number');
  const fp = server?.fieldProblems ?? {};
  const showSheetProblems = filled && status.kind !== 'pending';

  return (
    <div data-testid="score-form">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0, fontSize: 15 }}>
          评分表（第{template.version}版）
        </Typography.Title>
        <Typography.Text
          type={status.kind === 'error' ? 'danger' : 'secondary'}
          style={{ fontSize: 12 }}
          data-testid="save-status"
          role="status"
        >
          {status.kind === 'pending' ? (
            <>
              <LoadingOutlined /> 正在保存草稿…
            </>
          ) : status.kind === 'saved' ? (
            `草稿已保存 ${time(status.at)}`
          ) : status.kind === 'error' ? (
            `草稿未保存：${status.message}`
          ) : (
            '输入后自动保存草稿'
          )}
        </Typography.Text>
      </Flex>
      <Form layout="horizontal" colon={false} onFinish={() => undefined}>
        {template.criteria.map((c, i) => {
          const problem = status.kind === 'pending' ? undefined : fp[c.key];
          const problemId = `problem-${application.id}-${c.key}`;
          return (
            <div key={c.key} style={{ marginBottom: 10 }} data-testid={`criterion-${c.key}`}>
              <Flex align="center" justify="space-between" gap={12}>
                <label
                  htmlFor={`score-${application.id}-${c.key}`}
                  title={c.description}
                  style={{ flex: 1, minWidth: 0, lineHeight: 1.35 }}
                >
                  {i + 1}. {c.title}
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4, whiteSpace: 'nowrap' }}>
                    满分{c.max}
                    {c.step !== 1 ? `，步长${c.step}` : ''}
                  </Typography.Text>
                </label>
                <InputNumber
                  ref={(el) => {
                    inputs.current[i] = el;
                  }}
                  id={`score-${application.id}-${c.key}`}
                  aria-label={c.title}
                  aria-valuemax={c.max}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? problemId : undefined}
                  status={problem ? 'error' : undefined}
                  min={0}
                  step={c.step}
                  // 12 rather than 12.0 (the step would otherwise fix one decimal); what is being typed is left alone;
                  // an empty box stays empty (Number('') would show a 0 the expert never typed)
                  formatter={(v, info) => (info.userTyping ? info.input : v === undefined || String(v) === '' ? '' : String(Number(v)))}
                  value={values.scores[c.key] ?? null}
                  onChange={(v) => change({ scores: { ...latest.current.scores, [c.key]: typeof v === 'number' ? v : null } })}
                  onPressEnter={(e) => {
                    e.preventDefault();
                    const nextInput = inputs.current[i + 1];
                    if (nextInput) nextInput.focus();
                    else document.getElementById(`rec-${application.id}`)?.querySelector<HTMLInputElement>('input')?.focus();
                  }}
                  placeholder={`0–${c.max}`}
                  style={{ width: 104, flex: 'none' }}
                  autoFocus={i === 0 && !draft}
                />
              </Flex>
              {problem ? (
                <Typography.Text
                  type="danger"
                  id={problemId}
                  style={{ display: 'block', fontSize: 12, marginTop: 2 }}
                  data-testid="field-problem"
                >
                  {problem}
                </Typography.Text>
              ) : null}
            </div>
          );
        })}
        <Flex align="baseline" justify="space-between" style={{ borderTop: '1px solid #f0f0f0', padding: '8px 0', marginBottom: 8 }}>
          <Typography.Text strong>总分（系统计算）</Typography.Text>
          <span>
            <Typography.Text strong style={{ fontSize: 20, color: '#a8071a' }} data-testid="draft-total">
              {server ? server.total : '—'}
            </Typography.Text>
            <Typography.Text type="secondary"> / {full} 分</Typography.Text>
          </span>
        </Flex>
        <Form.Item
          label="推荐意见"
          style={{ marginBottom: 10 }}
          wrapperCol={{ flex: '0 0 auto' }}
          validateStatus={showSheetProblems && fp.recommendation ? 'error' : undefined}
          help={showSheetProblems ? fp.recommendation : undefined}
        >
          <Radio.Group
            id={`rec-${application.id}`}
            aria-label="推荐意见"
            value={values.recommendation}
            onChange={(e) => change({ recommendation: e.target.value as Recommendation })}
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'recommend', label: '推荐' },
              { value: 'notRecommend', label: '不推荐' },
            ]}
          />
        </Form.Item>
        <Form.Item
          layout="vertical"
          label="评语"
          style={{ marginBottom: 8 }}
          labelCol={{ flex: 'none' }}
          wrapperCol={{ flex: 'none' }}
          validateStatus={showSheetProblems && fp.comment ? 'error' : undefined}
          help={showSheetProblems ? fp.comment : undefined}
        >
          <Input.TextArea
            aria-label="评语"
            value={values.comment}
            onChange={(e) => change({ comment: e.target.value })}
            autoSize={{ minRows: 3, maxRows: 6 }}
            maxLength={2000}
            showCount
            placeholder="主要优点、不足和建议"
          />
        </Form.Item>
      </Form>
      <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 12 }}>
        {server?.complete && status.kind !== 'pending' ? (
          <Tag color="success" icon={<CheckCircleFilled />} data-testid="sheet-state">
            本份评分已完成
          </Tag>
        ) : (
          <Tag color="warning" icon={<WarningOutlined />} data-testid="sheet-state">
            {server ? `未完成：${server.problems.length}项待处理` : '未评分'}
          </Tag>
        )}
        {onNext ? (
          <Button onClick={onNext} icon={<RightOutlined />} iconPlacement="end">
            下一份
          </Button>
        ) : null}
      </Flex>
    </div>
  );
}
