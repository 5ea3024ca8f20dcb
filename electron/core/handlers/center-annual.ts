/** 年度工作总结、中期考核与三年复核 (records and status changes). */
import { DeskError } from '../contract/errors.js';
import type { AreaHandlers } from './types.js';

type Methods = 'summaries.year' | 'summaries.get' | 'summaries.save' | 'summaries.attachFile' | 'summaries.removeFile' | 'assessments.template' | 'assessments.saveTemplate' | 'assessments.save' | 'triennial.due' | 'triennial.decide' | 'triennial.list' | 'centers.history';

// Placeholder until this area is built (every method must have exactly one handler).
function notYet(name: string): never {
  throw new DeskError('INTERNAL', `功能 ${name} 尚未完成。`);
}

export const centerAnnualHandlers: AreaHandlers<Methods> = {
  'summaries.year': () => notYet('summaries.year'),
  'summaries.get': () => notYet('summaries.get'),
  'summaries.save': () => notYet('summaries.save'),
  'summaries.attachFile': () => notYet('summaries.attachFile'),
  'summaries.removeFile': () => notYet('summaries.removeFile'),
  'assessments.template': () => notYet('assessments.template'),
  'assessments.saveTemplate': () => notYet('assessments.saveTemplate'),
  'assessments.save': () => notYet('assessments.save'),
  'triennial.due': () => notYet('triennial.due'),
  'triennial.decide': () => notYet('triennial.decide'),
  'triennial.list': () => notYet('triennial.list'),
  'centers.history': () => notYet('centers.history'),
};
