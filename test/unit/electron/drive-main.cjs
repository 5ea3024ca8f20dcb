/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: it hooks require("electron"). */
// Drives dist-electron/main.cjs with the fake 'electron' (fake-electron.cjs) and prints one JSON report.
// Usage: node drive-main.cjs <main.cjs> <preload.cjs>   (env DESK_DATA_DIR = a temp folder)
const Module = require('node:module');
require('./fake-electron.cjs');
const { handlers, ready, app, mainFrame } = globalThis.__fake;
require(process.argv[2]);

async function main() {
  ready();
  for (let i = 0; i < 100 && !handlers['desk:invoke']; i++) await new Promise((r) => setTimeout(r, 50));
  const win = globalThis.__win;
  const report = { title: win.opts.title, webPreferences: win.opts.webPreferences, minSize: [win.opts.minWidth, win.opts.minHeight] };
  const index = await handlers.protocol(new Request('app://desk/index.html'));
  report.csp = index.headers.get('content-security-policy');
  report.traversal = (await handlers.protocol(new Request('app://desk/..%2f..%2fetc%2fpasswd'))).status;
  const ev = { senderFrame: mainFrame, sender: win.webContents };
  report.info = await handlers['desk:invoke'](ev, { name: 'system.info', input: {} });
  report.badPayload = await handlers['desk:invoke'](ev, { nope: 1 });
  report.foreignFrame = await handlers['desk:invoke'](
    { senderFrame: { url: 'https://x/' }, sender: win.webContents },
    { name: 'system.info', input: {} },
  );
  handlers.perm(null, 'media', (v) => (report.permission = v));
  const nav = {
    url: 'https://example.com/',
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
  win.webContents.emit('will-navigate', nav);
  report.navigationBlocked = nav.prevented;
  report.windowOpen = win.webContents.openHandler({ url: 'https://example.com/' });
  // Navigation to a remote URL and to a file:// URL from a frame, and window.open of one: all refused.
  const frameNav = {
    url: 'file:///etc/passwd',
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
  win.webContents.emit('will-frame-navigate', frameNav);
  report.frameNavigationBlocked = frameNav.prevented;
  report.windowOpenBlob = win.webContents.openHandler({ url: 'blob:app://desk/1234' });

  // desk:print: the payload is checked, then webContents.print gets the system dialog and the paper.
  const print = (payload, sender = ev) => handlers['desk:print'](sender, payload);
  report.printA4 = await print({ widthMm: 210.01, heightMm: 297.04 });
  report.printA3Landscape = await print({ widthMm: 419.95, heightMm: 297 });
  report.printOdd = await print({ widthMm: 100, heightMm: 150 });
  win.webContents.printOutcome = [false, 'Print job canceled'];
  report.printCancelled = await print({ widthMm: 210, heightMm: 297 });
  win.webContents.printOutcome = [true, ''];
  const printedBeforeBad = win.webContents.printed.length;
  report.printBad = [
    await print({ widthMm: 210 }),
    await print({ widthMm: 210, heightMm: 297, silent: true }),
    await print({ widthMm: 'A4', heightMm: 297 }),
    await print({ widthMm: Number.NaN, heightMm: 297 }),
    await print({ widthMm: 1e9, heightMm: 297 }),
    await print(null),
  ];
  report.printForeign = await print({ widthMm: 210, heightMm: 297 }, { senderFrame: { url: 'https://x/' }, sender: win.webContents });
  report.printSubFrame = await print(
    { widthMm: 210, heightMm: 297 },
    { senderFrame: { url: 'app://desk/index.html' }, sender: win.webContents },
  );
  report.printedAfterBad = win.webContents.printed.length - printedBeforeBad;

  // Sealing and verifying a year: SM3 and the 四性检测 run on worker threads started from dist-electron/digest-worker.cjs.
  const years = await handlers['desk:invoke'](ev, { name: 'archive.years', input: {} });
  const year = years.ok ? years.value[0].year : null;
  const seal = await handlers['desk:invoke'](ev, {
    name: 'archive.seal',
    input: { year, taskId: 'bundle-seal', acknowledgeOpenItems: true },
  });
  report.seal = seal.ok
    ? { ok: true, year: seal.value.year, fileCount: seal.value.fileCount, fourChecks: seal.value.fourChecks }
    : { ok: false, error: seal.error };
  const verified = await handlers['desk:invoke'](ev, { name: 'archive.verify', input: { year } });
  report.verify = verified.ok
    ? {
        ok: verified.value.ok,
        checked: verified.value.checked,
        fourChecksOk: verified.value.fourChecks?.ok,
        matchSeal: verified.value.fourChecksMatchSeal,
      }
    : { ok: false, error: verified.error };

  // The preload, with a fake contextBridge/ipcRenderer answering through the real ipcMain handler.
  const exposed = {};
  const { EventEmitter } = require('node:events');
  const ipc = new EventEmitter();
  ipc.invoke = (ch, p) => handlers[ch](ev, p);
  const preloadElectron = { contextBridge: { exposeInMainWorld: (k, v) => (exposed[k] = v) }, ipcRenderer: ipc };
  const orig = Module._resolveFilename;
  Module._resolveFilename = function (r, ...a) {
    return r === 'electron' ? 'fake-preload-electron' : orig.call(this, r, ...a);
  };
  require.cache['fake-preload-electron'] = {
    id: 'fake-preload-electron',
    filename: 'fake-preload-electron',
    loaded: true,
    exports: preloadElectron,
  };
  require(process.argv[3]);
  report.exposed = Object.keys(exposed);
  report.deskKeys = Object.keys(exposed.desk ?? {});
  report.viaPreload = await exposed.desk.invoke('system.info', {});
  report.unknownViaPreload = await exposed.desk.invoke('evil.method', {});
  const printedBeforePreload = win.webContents.printed.length;
  report.printViaPreload = await exposed.desk.print({ widthMm: 420, heightMm: 297, deviceName: 'x' });
  report.printBadViaPreload = await exposed.desk.print({ widthMm: '420' });
  report.printedViaPreload = win.webContents.printed.slice(printedBeforePreload);
  report.printed = win.webContents.printed;

  globalThis.__quitDone = () => {
    report.closed = true;
    console.log(`REPORT ${JSON.stringify(report)}`);
    process.exit(0);
  };
  app.quit();
}
main().catch((err) => {
  console.error('FAIL', err);
  process.exit(1);
});
