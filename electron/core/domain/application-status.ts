/**
 * The status machine of an application through intake and formal review (形式审查):
 *
 *   draft ──submit──▶ submitted ──accept──▶ accepted
 *                        │  ▲
 *        requireSupplement│  │submit (after the supplement)
 *                        ▼  │
 *                  supplementRequired ──reject──▶ rejected
 *   submitted ──reject──▶ rejected
 *
 * accepted and rejected are final for this stage. Pure: no I/O, no clock.
 */
export type ApplicationStatus = 'draft' | 'submitted' | 'accepted' | 'supplementRequired' | 'rejected';
export type StatusAction = 'submit' | 'accept' | 'requireSupplement' | 'reject';

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  accepted: '已受理',
  supplementRequired: '待补正',
  rejected: '不予受理',
};

export const ACTION_LABELS: Record<StatusAction, string> = {
  submit: '提交',
  accept: '受理',
  requireSupplement: '要求补正',
  reject: '不予受理',
};

const TRANSITIONS: Record<ApplicationStatus, Partial<Record<StatusAction, ApplicationStatus>>> = {
  draft: { submit: 'submitted' },
  submitted: { accept: 'accepted', requireSupplement: 'supplementRequired', reject: 'rejected' },
  supplementRequired: { submit: 'submitted', reject: 'rejected' },
  accepted: {},
  rejected: {},
};

export type TransitionResult = { ok: true; to: ApplicationStatus } | { ok: false; message: string };

/** Where `action` takes an application in `from`, or a Chinese sentence saying why it cannot. */
export function transition(from: ApplicationStatus, action: StatusAction): TransitionResult {
  const to = TRANSITIONS[from][action];
  if (to) return { ok: true, to };
  const allowed = allowedActions(from).map((a) => ACTION_LABELS[a]);
  const hint = allowed.length ? `当前只能${allowed.join('或')}。` : '该申报的形式审查已结束，不能再更改。';
  return { ok: false, message: `申报当前状态为“${APPLICATION_STATUS_LABELS[from]}”，不能${ACTION_LABELS[action]}。${hint}` };
}

export function allowedActions(from: ApplicationStatus): StatusAction[] {
  return Object.keys(TRANSITIONS[from]) as StatusAction[];
}

/** The applicant's data and files may change only while it is a draft or awaiting a supplement. */
export function canEdit(status: ApplicationStatus): boolean {
  return status === 'draft' || status === 'supplementRequired';
}

export function editRefusal(status: ApplicationStatus): string {
  return `申报当前状态为“${APPLICATION_STATUS_LABELS[status]}”，不能修改内容或材料。只有草稿或待补正的申报可以修改。`;
}
