/** 中期考核结果通知、复核决定 (PDF) and the summaries / assessment rosters (xlsx). */
import { DeskError } from '../contract/errors.js';
import type { AreaHandlers } from './types.js';

type Methods = 'summaries.exportRoster' | 'assessments.noticePdf' | 'assessments.exportRoster' | 'triennial.decisionPdf';

// Placeholder until this area is built (every method must have exactly one handler).
function notYet(name: string): never {
  throw new DeskError('INTERNAL', `功能 ${name} 尚未完成。`);
}

export const centerDocumentHandlers: AreaHandlers<Methods> = {
  'summaries.exportRoster': () => notYet('summaries.exportRoster'),
  'assessments.noticePdf': () => notYet('assessments.noticePdf'),
  'assessments.exportRoster': () => notYet('assessments.exportRoster'),
  'triennial.decisionPdf': () => notYet('triennial.decisionPdf'),
};
