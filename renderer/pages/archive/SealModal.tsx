import { useState } from 'react';
import { Alert, Checkbox, Progress, Typography } from 'antd';
import type { ArchiveYearStatus, YearSeal } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { useSubmit } from '../../components/useSubmit';
import { countLines } from './labels';
import { newTaskId } from '../../components/useTaskProgress';
import { percentOf, useTaskProgress } from '../../components/useTaskProgress';
import { ConfirmActModal } from '../../components/ConfirmActModal';

interface Props {
  status: ArchiveYearStatus;
  onClose: () => void;
  onSealed: (seal: YearSeal) => void;
}

/** 封存年度档案: what will be archived and what follows, open items to acknowledge, then archive.seal with a progress bar (never on Enter). */
export function SealModal({ status, onClose, onSealed }: Props) {
  const { saving, error, run } = useSubmit();
  const [acknowledged, setAcknowledged] = useState(false);
  const [taskId, setTaskId] = useState<string | null>(null);
  const progress = useTaskProgress(taskId);
  const open = status.openItems;
  const blocked = open.length > 0 && !acknowledged;
  const nextVersion = (status.seals.reduce((m, s) => Math.max(m, s.version), 0) || 0) + 1;

  const seal = () => {
    if (blocked || saving) return;
    const id = newTaskId(`archive-seal-${status.year}`);
    setTaskId(id);
    void run(async () => {
      const out = await desk.call('archive.seal', { year: status.year, taskId: id, acknowledgeOpenItems: open.length > 0 && acknowledged });
      onSealed(out);
    });
  };

  const cancel = () => {
    if (saving && taskId) {
      void desk.call('tasks.cancel', { taskId }).catch(() => undefined);
      return;
    }
    onClose();
  };

  return (
    <ConfirmActModal
      open
      title={`封存${status.year}年度档案`}
      actName={saving ? '正在封存…' : '封存'}
      testId="confirm-seal"
      width={640}
      busy={saving}
      confirmDisabled={blocked}
      cancelText={saving ? '取消封存' : '取消'}
      error={error}
      onConfirm={seal}
      onCancel={cancel}
      summary={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            将把{status.year}年度的全部材料写成一个档案文件（第{nextVersion}版）：
          </Typography.Paragraph>
          <ul style={{ marginTop: 0, paddingLeft: 20 }}>
            <li>本年度发出的每一份文书重新生成为 PDF，每一份名册导出为 Excel；</li>
            <li>本年度申报材料、工作总结等全部附件原样收入；</li>
            <li>全部记录数据（{countLines(status.counts).join('、')}）；</li>
            <li>清单 manifest.json 记录每个文件的 SHA-256 与大小，日后可据此校验档案是否完好。</li>
          </ul>
        </>
      }
      consequences={[
        `${status.year}年度的数据只能查看、不能修改（包括首次生成编号文书）；`,
        '如需更正，须先“解除封存”并说明理由（记入操作日志），改完后重新封存为新的一版。',
      ]}
    >
      {open.length ? (
        <Alert
          type="warning"
          showIcon
          title={`本年度还有 ${open.length} 项未完成事项：`}
          description={
            <>
              <ul style={{ margin: '4px 0 8px', paddingLeft: 20, maxHeight: 160, overflowY: 'auto' }}>
                {open.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
              <Checkbox checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} disabled={saving}>
                已知悉上述未完成事项，仍然封存
              </Checkbox>
            </>
          }
        />
      ) : null}
      {saving ? (
        <div data-testid="seal-progress" style={{ marginTop: 12 }}>
          <Typography.Text>{progress?.label ?? '正在准备封存…'}</Typography.Text>
          <Progress percent={percentOf(progress)} status="active" />
          <Typography.Text type="secondary">
            {progress && progress.total > 0 ? `${progress.done} / ${progress.total}` : ''} 档案写完之前不会替换任何文件；可随时取消。
          </Typography.Text>
        </div>
      ) : null}
    </ConfirmActModal>
  );
}
