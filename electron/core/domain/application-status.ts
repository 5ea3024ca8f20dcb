/**
 * The status machine of an application through intake and formal review (形式审查):
 *
 *   draft ──submit──▶ submitted ──accept──▶ accepted
 *                        │  ▲
 *        requireSupplement│  │submit (after the supplement)
 *                        ▼  │
 *                  supplementRequired ──reject──▶ rejected
 *   submitted ──reject──▶ rejected
 *   submitted ──returnToDraft──▶ draft     (退回修改: the secretariat, with a reason)
 *
 * accepted and rejected are final for this stage. 退回修改 is allowed only while the formal review has not
 * concluded and the applicant cannot edit: status 已提交 (a 待补正 application is already open to the applicant;
 * 已受理 / 不予受理 end the formal review). Pure: no I/O, no clock.
 */
export type ApplicationStatus = 'draft' | 'submitted' | 'accepted' | 'supplementRequired' | 'rejected';
export type StatusAction = 'submit' | 'accept' | 'requireSupplement' | 'reject' | 'returnToDraft';

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
  returnToDraft: '退回修改',
};

const TRANSITIONS: Record<ApplicationStatus, Partial<Record<StatusAction, ApplicationStatus>>> = {
  draft: { submit: 'submitted' },
  submitted: { accept: 'accepted', requireSupplement: 'supplementRequired', reject: 'rejected', returnToDraft: 'draft' },
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

/** Why 退回修改 is refused in `from` (null: allowed), as a Chinese sentence naming the state. */
export function returnToDraftRefusal(from: ApplicationStatus): string | null {
  if (TRANSITIONS[from].returnToDraft) return null;
  const head = `申报当前状态为“${APPLICATION_STATUS_LABELS[from]}”，不能退回修改。`;
  switch (from) {
    case 'draft':
      return `${head}申报仍是草稿，申报单位可直接修改。`;
    case 'supplementRequired':
      return `${head}申报正在补正，申报单位已可修改内容和材料，补正后重新提交即可。`;
    default:
      return `${head}形式审查已结束（${APPLICATION_STATUS_LABELS[from]}），只有已提交、尚未作出形式审查结论的申报可以退回。`;
  }
}
