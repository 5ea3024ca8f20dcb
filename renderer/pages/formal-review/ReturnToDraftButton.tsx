import { useState } from 'react';
import { App, Button } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import type { Application } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { ReasonModal } from '../../components/ReasonModal';

/** 退回修改: the secretariat sends a submitted application (formal review not concluded) back to the applicant's draft. */
export function ReturnToDraftButton({ application, onDone }: { application: Application; onDone: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<RollbackOutlined />} onClick={() => setOpen(true)}>
        退回修改
      </Button>
      <ReasonModal
        open={open}
        title="退回修改"
        guard="退回修改"
        intro={`把“${application.applicant.name}”的申报退回为草稿，由申报单位修改后重新提交。已有的形式审查记录保留；理由记入申报记录和操作日志。`}
        label="退回理由"
        okText="退回修改"
        multiline
        errorTitle="未能退回"
        onClose={() => setOpen(false)}
        onSubmit={async (reason) => {
          await desk.call('formalReview.returnToDraft', { applicationId: application.id, reason });
          setOpen(false);
          message.success(`已退回“${application.applicant.name}”的申报，状态为草稿。`);
          onDone();
        }}
      />
    </>
  );
}
