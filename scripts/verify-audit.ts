/**
 * 校验操作日志（不打开数据文件夹，只读）：npm run verify-audit -- [数据文件夹]
 * Walks the hash chain of <data>/audit/*.jsonl and names the first edited, deleted, inserted or
 * reordered entry by file and line; the part manifest's head catches entries cut from the end.
 * Exit code: 0 = 日志完好, 1 = 发现问题, 2 = 用法错误或文件夹不存在.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AuditLog } from '../electron/core/store/audit-log.js';
import { describeChainReport } from '../electron/core/store/audit-chain.js';
import { manifestHead } from '../electron/core/store/part-journal.js';
import { dataDirs } from '../electron/core/store/store.js';
import { defaultDataDir } from '../electron/core/paths.js';

async function main(args: string[]): Promise<number> {
  const rest = args.filter((a) => a !== '--');
  if (rest.some((a) => a === '-h' || a === '--help') || rest.length > 1) {
    console.log('用法：npm run verify-audit -- [数据文件夹]（默认为本机的数据文件夹）');
    console.log(
      '逐条校验操作日志的校验链，指出第一条被改动、删除、插入或调换的记录所在的文件和行。退出码：0 完好，1 发现问题，2 用法错误。',
    );
    return 2;
  }
  const root = path.resolve(process.env.INIT_CWD ?? process.cwd(), rest[0] ?? defaultDataDir());
  const dirs = dataDirs(root);
  try {
    await fs.access(dirs.audit);
  } catch {
    console.error(`找不到操作日志文件夹：${dirs.audit}`);
    return 2;
  }
  const report = await new AuditLog(dirs.audit).verify(await manifestHead(dirs.store));
  console.log(`数据文件夹：${root}`);
  console.log(describeChainReport(report));
  return report.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  },
);
