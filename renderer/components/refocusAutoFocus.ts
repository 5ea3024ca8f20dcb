const FIELD = 'input, textarea, select, button';
const ENTRY = 'input, textarea, select';

/**
 * `afterOpenChange` for a Modal or Drawer whose first field has `autoFocus` (and `data-autofocus`, which
 * marks it in the page). React focuses that field as it mounts; on a busy machine that can happen before
 * the dialog is shown, and the dialog then focuses its close button, so typing goes nowhere. Once the opening
 * animation has ended, give the focus back to the marked field unless the user is already typing in a field.
 */
export function refocusAutoFocus(opened: boolean): void {
  if (!opened) return;
  const active = document.activeElement;
  if (active instanceof HTMLElement && active.matches(ENTRY)) return;
  // dialogs are added at the end of the page: the last visible mark belongs to the one just opened
  const marked = [...document.querySelectorAll<HTMLElement>('[data-autofocus]')].filter((el) => el.getClientRects().length > 0);
  const mark = marked.at(-1);
  if (!mark) return;
  const target = mark.matches(FIELD) ? mark : (mark.querySelector<HTMLElement>(FIELD) ?? mark);
  target.focus();
}
