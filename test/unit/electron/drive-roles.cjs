/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: it hooks require("electron"). */
// Drives dist-electron/main.cjs (fake 'electron') through one launch and prints one JSON report:
//   node drive-roles.cjs <main.cjs> '<steps as JSON>'
// env: FAKE_USER_DATA (userData), FAKE_NO_LOCK=1 (a second launch); the launch's own argv follows `--` in DRIVE_ARGV.
// Steps: { call: [name, input] } through the real ipcMain handler, { openFile: path } (macOS open-file),
// { secondInstance: [argv, cwd] }, { readUpload: uploadId } (the staged bytes' sha256), { quit: true }.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const launchArgs = JSON.parse(process.env.DRIVE_ARGV || '[]');
const [, , mainCjs, stepsJson] = process.argv;
process.argv = [process.argv[0], ...launchArgs];
require('./fake-electron.cjs');
const { handlers, ready, app, mainFrame } = globalThis.__fake;
const quitCalls = [];
const origQuit = app.quit;
app.quit = () => {
  quitCalls.push('quit');
  origQuit();
};
require(mainCjs);

const settle = () => new Promise((r) => setTimeout(r, 30));
async function until(pred) {
  for (let i = 0; i < 200 && !pred(); i++) await settle();
}

async function main() {
  const report = { steps: [], quitCalls };
  if (process.env.FAKE_NO_LOCK === '1') {
    // The second launch: it must quit at once, before opening any data folder or window.
    await settle();
    report.window = Boolean(globalThis.__win);
    report.ipc = Boolean(handlers['desk:invoke']);
    console.log(`REPORT ${JSON.stringify(report)}`);
    process.exit(0);
  }
  ready();
  await until(() => handlers['desk:invoke']);
  const win = globalThis.__win;
  report.loadedUrl = win.loadedUrl;
  const ev = { senderFrame: mainFrame, sender: win.webContents };
  for (const step of JSON.parse(stepsJson)) {
    if (step.call) report.steps.push(await handlers['desk:invoke'](ev, { name: step.call[0], input: step.call[1] ?? {} }));
    else if (step.openFile) {
      const e = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      const before = win.webContents.sent.length;
      app.emit('open-file', e, step.openFile);
      await until(() => win.webContents.sent.length > before);
      report.steps.push({ prevented: e.prevented, sent: win.webContents.sent.slice(before) });
    } else if (step.secondInstance) {
      const before = win.webContents.sent.length;
      app.emit('second-instance', {}, step.secondInstance[0], step.secondInstance[1]);
      await until(() => win.webContents.sent.length > before);
      report.steps.push({ sent: win.webContents.sent.slice(before) });
    } else if (step.readUpload) {
      const { uploadId, dataDir } = step.readUpload;
      const bytes = fs.readFileSync(path.join(dataDir, 'uploads', uploadId));
      report.steps.push({ sha256: crypto.createHash('sha256').update(bytes).digest('hex') });
    }
  }
  report.sent = win.webContents.sent;
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
