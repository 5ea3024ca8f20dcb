/** Minimal Chinese application menu; developer tools only in development. */
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { WINDOW_TITLE } from './policy.js';
import { openInsideDataDir } from './open-path.js';

export interface MenuOptions {
  /** The open data folder (it follows the role chosen in the window). */
  dataDir: () => string;
  isDev: boolean;
  getWindow: () => BrowserWindow | null;
}

export function installMenu({ dataDir, isDev, getWindow }: MenuOptions): void {
  const openFolder = (sub: string) => () => {
    openInsideDataDir(dataDir(), sub).then(
      (err) => {
        if (err) dialog.showErrorBox('打开文件夹', err);
      },
      (err: unknown) => dialog.showErrorBox('打开文件夹', err instanceof Error ? err.message : String(err)),
    );
  };
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (isDev) {
    view.push({ type: 'separator' }, { role: 'reload', label: '重新加载' }, { role: 'toggleDevTools', label: '开发者工具' });
  }
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        { label: '打开导出文件夹', click: openFolder('exports') },
        { label: '打开备份文件夹', click: openFolder('backups') },
        { type: 'separator' },
        { role: 'quit', label: '退出' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    {
      label: '帮助',
      submenu: [
        {
          label: '关于',
          click: () => {
            const win = getWindow();
            const opts = {
              type: 'info' as const,
              title: '关于',
              message: WINDOW_TITLE,
              detail: `版本 ${app.getVersion()}\n数据文件夹：${dataDir()}`,
            };
            void (win ? dialog.showMessageBox(win, opts) : dialog.showMessageBox(opts));
          },
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
