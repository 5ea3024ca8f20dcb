import type { Application } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { ReasonModal } from '../../components/ReasonModal';

interface Props {
  open: boolean;
  application: Application;
  onClose: () => void;
  onDone: (app: Application) => void;
}

/** 不予受理 with a reason (printed on the notice). */
export function RejectModal({ open, application, onClose, onDone }: Props) {
  return (
    <ReasonModal
      open={open}
      title="不予受理"
      okText="确认不予受理"
      danger
      multiline
      intro={`不予受理“${application.applicant.name}”的申报。理由将写入不予受理通知书。`}
      onClose={onClose}
      onSubmit={async (reason) => onDone(await desk.call('formalReview.reject', { applicationId: application.id, reason }))}
    />
  );
}
