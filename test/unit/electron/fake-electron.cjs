/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: it hooks require("electron"). */
// A fake 'electron' module (just what electron/main uses) so dist-electron/main.cjs runs in plain node.
// No Electron binary can be downloaded on our build machines; see main-bundle.test.ts.
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const log = (...a) => console.log('[fake]', ...a);
const app = new EventEmitter();
let readyResolve;
const ready = new Promise((r) => (readyResolve = r));
Object.assign(app, {
  isPackaged: false,
  enableSandbox: () => log('enableSandbox'),
  // FAKE_NO_LOCK=1: another instance holds the lock (this one is the second launch).
  requestSingleInstanceLock: () => process.env.FAKE_NO_LOCK !== '1',
  whenReady: () => ready,
  // FAKE_USER_DATA: the userData folder (the role file and both roles' data folders live there).
  getPath: () => process.env.FAKE_USER_DATA || require('node:os').tmpdir(),
  getVersion: () => '0.1.0',
  quit: () => {
    log('app.quit');
    const e = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    app.emit('before-quit', e);
    if (!e.defaultPrevented) {
      log('quit done');
      globalThis.__quitDone?.();
    }
  },
  exit: (c) => {
    log('exit', c);
    process.exit(c);
  },
});
const handlers = {};
const protocol = { registerSchemesAsPrivileged: (s) => log('privileged', JSON.stringify(s)) };
const mainFrame = { url: 'app://desk/index.html' };
class WebContents extends EventEmitter {
  constructor() {
    super();
    this.mainFrame = mainFrame;
    this.sent = [];
    this.printed = [];
    /** What the next print() answers: [success, failureReason] (the system dialog's outcome). */
    this.printOutcome = [true, ''];
  }
  print(options, callback) {
    this.printed.push(options);
    const [success, reason] = this.printOutcome;
    setImmediate(() => callback(success, reason));
  }
  setWindowOpenHandler(fn) {
    this.openHandler = fn;
  }
  send(...a) {
    this.sent.push(a);
  }
}
class BrowserWindow extends EventEmitter {
  constructor(opts) {
    super();
    this.opts = opts;
    this.webContents = new WebContents();
    globalThis.__win = this;
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(u) {
    log('loadURL', u);
    this.loadedUrl = u;
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  show() {}
  focus() {}
  isMinimized() {
    return false;
  }
  static getAllWindows() {
    return [globalThis.__win];
  }
}
const ses = {
  protocol: {
    handle: (s, fn) => {
      handlers.protocol = fn;
      log('protocol.handle', s);
    },
  },
  setPermissionRequestHandler: (f) => (handlers.perm = f),
  setPermissionCheckHandler: (f) => (handlers.check = f),
  setDevicePermissionHandler() {},
  setDisplayMediaRequestHandler() {},
  webRequest: { onBeforeRequest: (f) => (handlers.req = f) },
};
const ipcMain = {
  handle: (c, f) => {
    handlers[c] = f;
    log('ipcMain.handle', c);
  },
  removeHandler() {},
};
const fake = {
  app,
  protocol,
  BrowserWindow,
  session: { defaultSession: ses },
  ipcMain,
  dialog: { showErrorBox: (t, m) => log('errorBox', t, m), showMessageBox: async () => ({}) },
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu: (m) => log('menu', m.map((x) => x.label).join('/')) },
  shell: {
    openPath: async (p) => {
      log('openPath', p);
      return '';
    },
    showItemInFolder() {},
  },
};
const orig = Module._resolveFilename;
Module._resolveFilename = function (req, ...rest) {
  return req === 'electron' ? 'fake-electron' : orig.call(this, req, ...rest);
};
require.cache['fake-electron'] = { id: 'fake-electron', filename: 'fake-electron', loaded: true, exports: fake };
globalThis.__fake = { handlers, ready: readyResolve, app, mainFrame };
