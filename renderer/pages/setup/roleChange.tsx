import type { HookAPI } from 'antd/es/modal/useModal';
import type { DeskRole } from '../../../electron/core/contract/index.js';
import { ROLE_LABELS } from '../../../electron/core/contract/setup-labels.js';
import { desk, DeskApiError, errorMessage } from '../../rpc';

/**
 * 更改本机用途: the core answers the first request with the warning (NEEDS_ACKNOWLEDGEMENT: the other role opens
 * another data folder; nothing is merged or deleted); after 更改用途 the app starts afresh in the other role.
 */
export async function changeRole(modal: HookAPI, to: DeskRole): Promise<void> {
  const go = async (confirmSwitch: boolean): Promise<void> => {
    const state = await desk.call('setup.chooseRole', { role: to, ...(confirmSwitch ? { confirmSwitch } : {}) });
    window.location.hash = state.startRoute;
    window.location.reload();
  };
  try {
    await go(false);
  } catch (err) {
    if (err instanceof DeskApiError && err.code === 'NEEDS_ACKNOWLEDGEMENT') {
      modal.confirm({
        title: `把本机用途改为“${ROLE_LABELS[to]}”？`,
        content: err.message,
        okText: '更改用途',
        okButtonProps: { danger: true },
        autoFocusButton: 'cancel',
        cancelText: '取消',
        width: 520,
        onOk: () =>
          go(true).catch((e: unknown) => {
            modal.error({ title: '未能更改本机用途', content: errorMessage(e) });
          }),
      });
      return;
    }
    modal.error({ title: '未能更改本机用途', content: errorMessage(err) });
  }
}
