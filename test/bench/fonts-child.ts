/** One process from start (see fonts.ts): the first notice (font search and load included), then warm notices. */
import { loadFontSet } from '../../electron/core/documents/fonts/registry.js';
import { renderNotice } from '../../electron/core/documents/pdf/notice.js';
import { median } from './stats.js';

export interface FontsProbe {
  searchAndLoadMs: number;
  firstNoticeMs: number;
  warmNoticeMs: number;
  faces: string[];
}

const BODY =
  '经形式审查，你单位提交的申报材料齐全，符合规定形式，现予受理。我局将组织专家对申报材料进行评审，评审结果将在本局门户网站公示。公示期间，任何单位和个人均可以书面形式提出异议。';
const input = {
  authority: '福州市市场监督管理局',
  docNumber: '榕市监知〔2026〕3号',
  title: '关于受理产业知识产权中心认定申请的通知',
  addressee: '福建省福州市闽江口纺织化纤与新材料产业技术创新战略联盟',
  paragraphs: [BODY, '一、评审安排', '（一）评审时间', BODY, '（二）评审方式', BODY],
  signer: '福州市市场监督管理局',
  date: '2026-11-24',
};

// The same search the app makes (system folders of this machine, then the bundled fonts).
const t0 = performance.now();
const fonts = loadFontSet();
const searchAndLoadMs = performance.now() - t0;
const t1 = performance.now();
await renderNotice({ ...input, fonts });
const firstNoticeMs = performance.now() - t1;
const warm: number[] = [];
for (let i = 0; i < 10; i++) {
  const t = performance.now();
  await renderNotice({ ...input, fonts });
  warm.push(performance.now() - t);
}
const probe: FontsProbe = {
  searchAndLoadMs,
  firstNoticeMs,
  warmNoticeMs: median(warm),
  faces: Object.values(fonts).map((f) => `${f.role}=${f.family} (${f.source})`),
};
process.send!(probe);
