import { useEffect } from 'react';
import { Alert, DatePicker, Descriptions, Form, Input, Modal, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Center, ReviewOutcome, TriennialReview } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { formatDate, toIsoDate, todayPicker } from '../../format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { DATE_FORMATS } from '../../components/designationLabels';
import { OUTCOME_LABELS, REVIEW_KIND_LABELS } from './labels';
import { useSettings } from '../../components/SettingsContext';
import { DEFAULT_PLAQUE_RETURN_WORKING_DAYS, nextReviewAfterRetain, reviewKindOn } from '../../../electron/core/domain/review-cycle.js';
import { showFieldErrors } from '../../components/fieldErrors';
import { CenterRecordLine } from './CenterRecordLine';
import { refocusAutoFocus } from '../../components/refocusAutoFocus';
import { useConfirmAct } from '../../components/ConfirmActModal';

interface Values {
  outcome: ReviewOutcome;
  decidedOn: Dayjs;
  opinion: string;
  rectifyDeadline?: Dayjs;
}

interface Props {
  center: Center | null;
  /** The due date being answered, if the review comes from the due list. */
  dueOn?: string;
  onClose: () => void;
  onDecided: (r: { review: TriennialReview; center: Center }) => void;
}

/** 复核: outcome (保留 / 限期整改 / 撤销), date, opinion and, for 限期整改, the deadline. Revoking asks once more. */
export function TriennialDecisionModal({ center, dueOn, onClose, onDecided }: Props) {
  const confirm = useConfirmAct();
  const [form] = Form.useForm<Values>();
  const { saving, error, run } = useSubmit();
  const outcome = Form.useWatch('outcome', form);
  const decidedOnValue = Form.useWatch('decidedOn', form);
  const decidedIso = decidedOnValue ? toIsoDate(decidedOnValue) : undefined;
  const followUp = center?.status === 'rectifying';
  const { settings } = useSettings();
  const returnDays = settings?.plaqueReturnWorkingDays ?? DEFAULT_PLAQUE_RETURN_WORKING_DAYS;
  const kind = center && decidedIso ? reviewKindOn(center, decidedIso) : null;

  useEffect(() => {
    if (center) form.setFieldsValue({ outcome: 'retain', decidedOn: todayPicker(), opinion: '', rectifyDeadline: undefined });
  }, [center, form]);

  const decide = (v: Values) =>
    run(
      async () => {
        onDecided(
          await desk.call('triennial.decide', {
            centerId: center!.id,
            outcome: v.outcome,
            decidedOn: toIsoDate(v.decidedOn),
            opinion: v.opinion.trim(),
            ...(v.outcome === 'rectify' && v.rectifyDeadline ? { rectifyDeadline: toIsoDate(v.rectifyDeadline) } : {}),
          }),
        );
      },
      (err) => showFieldErrors(form, err),
    );

  function submit(v: Values): void {
    if (v.outcome !== 'revoke') {
      void decide(v);
      return;
    }
    // look first: what revoking does, with the plaque return date as the core computes it
    void run(async () => {
      const input = { centerId: center!.id, outcome: v.outcome, decidedOn: toIsoDate(v.decidedOn), opinion: v.opinion.trim() };
      const look = await desk.call('triennial.preview', input);
      const on = formatDate(input.decidedOn);
      const answer = await confirm.ask({
        title: `撤销认定：${center!.name}`,
        actName: '撤销认定',
        danger: true,
        testId: 'confirm-revoke',
        summary: (
          <Descriptions size="small" column={1} bordered styles={{ label: { width: 130 } }}>
            <Descriptions.Item label="中心">{center!.name}</Descriptions.Item>
            <Descriptions.Item label="依托单位">{center!.hostUnit}</Descriptions.Item>
            <Descriptions.Item label="证书编号">{center!.certificateNumber}</Descriptions.Item>
            <Descriptions.Item label="撤销日期">{on}</Descriptions.Item>
            <Descriptions.Item label="交回牌匾期限">
              <span data-testid="confirm-revoke-plaque">{formatDate(look.review.plaqueReturnDueOn)}</span>
            </Descriptions.Item>
          </Descriptions>
        ),
        consequences: [
          `中心状态改为“已撤销”，不能恢复；证书自${on}起失效（有效期至${formatDate(look.center.validUntil)}）。`,
          `依托单位须于${formatDate(look.review.plaqueReturnDueOn)}前交回证书和牌匾；收回后在“中心名录”登记牌匾收回。`,
          '复核记录永久保留；撤销决定（复核决定）生成时取用发文字号。',
        ],
      });
      if (answer) await decide(v);
    });
  }

  return (
    <Modal
      afterOpenChange={refocusAutoFocus}
      open={!!center}
      title="复核"
      okText="保存复核结论"
      okButtonProps={{ htmlType: 'submit', danger: outcome === 'revoke' }}
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      maskClosable={false}
      width={640}
      modalRender={(dom) => (
        <Form<Values> form={form} layout="vertical" onFinish={submit} aria-label="复核" clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      <ErrorAlert error={error} title="复核结论未保存" />
      {center ? (
        <Typography.Paragraph>
          {center.name}
          <Typography.Text type="secondary">
            （{center.hostUnit}；{formatDate(center.designatedOn)}认定
            {dueOn
              ? `，${followUp ? '整改' : '三年'}期满${formatDate(dueOn)}`
              : center.nextReviewDue
                ? `，下次复核${formatDate(center.nextReviewDue)}`
                : ''}
            ）
          </Typography.Text>
        </Typography.Paragraph>
      ) : null}
      {center ? <CenterRecordLine center={center} /> : null}
      {followUp ? (
        <Alert
          type="info"
          showIcon
          title={`该中心正在限期整改（期限${formatDate(center?.rectifyDeadline)}）：整改期满复核只能保留或撤销。`}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form.Item label="复核结论" name="outcome" rules={[{ required: true, message: '请选择复核结论' }]}>
        <Radio.Group
          aria-label="复核结论"
          options={(['retain', 'rectify', 'revoke'] as const).map((o) => ({
            value: o,
            label: OUTCOME_LABELS[o],
            disabled: followUp && o === 'rectify',
          }))}
        />
      </Form.Item>
      <Form.Item
        label="决定日期"
        name="decidedOn"
        rules={[{ required: true, message: '请选择决定日期' }]}
        extra={
          kind ? (
            <span data-testid="review-kind">
              本次为{REVIEW_KIND_LABELS[kind.kind]}
              {kind.kind === 'early' ? `（${followUp ? '整改' : '三年'}期满日${formatDate(kind.dueOn)}）` : ''}
              {outcome === 'retain' && decidedIso
                ? `；保留的，自决定日期起重新计算三年，下次复核${formatDate(nextReviewAfterRetain(decidedIso))}`
                : ''}
            </span>
          ) : null
        }
      >
        <DatePicker format={DATE_FORMATS} aria-label="决定日期" allowClear={false} />
      </Form.Item>
      {outcome === 'rectify' ? (
        <Form.Item
          label="整改期限"
          name="rectifyDeadline"
          rules={[{ required: true, message: '请选择整改期限' }]}
          extra="整改期满时须再次复核（只能保留或撤销）。"
        >
          <DatePicker format={DATE_FORMATS} aria-label="整改期限" />
        </Form.Item>
      ) : null}
      <Form.Item
        label="复核意见"
        name="opinion"
        rules={[
          { required: true, whitespace: true, message: '请填写复核意见' },
          { min: 2, message: '复核意见至少2个字' },
        ]}
      >
        <Input.TextArea aria-label="复核意见" rows={3} maxLength={2000} autoFocus data-autofocus />
      </Form.Item>
      {outcome === 'revoke' ? (
        <Alert type="error" showIcon title={`撤销后证书失效，依托单位须在${returnDays}个工作日内交回牌匾，中心不能恢复。`} />
      ) : null}
      {confirm.element}
    </Modal>
  );
}
