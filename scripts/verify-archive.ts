/**
 * 校验年度档案（不需要数据文件夹）：npm run verify-archive -- <档案.zip> [更多档案…]
 * Re-hashes every file of the archive against its manifest.json and prints a Chinese report.
 * Exit code: 0 = 档案完好, 1 = 发现问题, 2 = 用法错误或文件无法打开.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { verifyArchive, formatBytes } from '../electron/core/archive/verify.js';
import { bureauTimeText } from '../electron/core/archive/manifest.js';

const KIND_LABELS: Record<string, string> = {
  missing: '缺失',
  extra: '多出',
  hash: '内容不符',
  size: '大小不符',
  unreadable: '无法读取',
  manifest: '清单问题',
  seal: '封存记录不符',
};

async function main(args: string[]): Promise<number> {
  const files = args.filter((a) => a !== '--');
  if (files.length === 0 || files.some((a) => a === '-h' || a === '--help')) {
    console.log('用法：npm run verify-archive -- <年度档案.zip> [更多档案…]');
    console.log('逐个重新计算档案中每个文件的 SHA-256，与 manifest.json 比对。退出码：0 完好，1 发现问题，2 用法错误。');
    return 2;
  }
  let worst = 0;
  for (const arg of files) {
    // npm run changes into the project folder; INIT_CWD is where the command was typed.
    const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), arg);
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) throw new Error('不是文件');
    } catch {
      console.error(`找不到档案文件：${file}`);
      worst = Math.max(worst, 2);
      continue;
    }
    const started = process.hrtime.bigint();
    const report = await verifyArchive(file);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`档案：${file}`);
    if (report.year !== null)
      console.log(
        `年度：${report.year}年（第${report.sealVersion}版），封存时间：${report.sealedAt ? bureauTimeText(report.sealedAt) : '（未记录）'}`,
      );
    console.log(`已校验：${report.checked}个文件，${formatBytes(report.bytes)}，用时${seconds.toFixed(1)}秒`);
    for (const p of report.problems) console.log(`  ［${KIND_LABELS[p.kind] ?? p.kind}］${p.message}`);
    console.log(`结论：${report.summary}`);
    console.log('');
    if (!report.ok) worst = Math.max(worst, 1);
  }
  return worst;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`校验失败：${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
