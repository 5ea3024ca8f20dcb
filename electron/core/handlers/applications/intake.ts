/** 申报 intake: create, autosave, read, list, submit. */
import { DeskError } from '../../contract/errors.js';
import type { Application } from '../../contract/applications/entities.js';
import type { SaveDraftInput } from '../../contract/applications/methods.js';
import { APPLICATION_STATUS_LABELS, canEdit, editRefusal, transition } from '../../domain/application-status.js';
import { missingItemNos, missingMaterials, missingMaterialsMessage, queryRows } from '../../domain/application-query.js';
import { normalizeDistrict, type ChoiceLists } from '../../domain/lists.js';
import { choiceLists } from '../settings.js';
import { MATERIAL_ITEMS } from '../../domain/materials.js';
import type { AreaHandlers, HandlerContext } from '../types.js';
import { assertBatchAllows } from '../batch-state.js';
import {
  allApplications,
  batchLabel,
  checkWindow,
  duplicateMessage,
  findApplication,
  findBatch,
  historyEntry,
  nextApplicationId,
  updateApplication,
  validUscc,
} from './store.js';

type Methods =
  | 'applications.create'
  | 'applications.saveDraft'
  | 'applications.get'
  | 'applications.list'
  | 'applications.submit'
  | 'applications.missingItems';

type Form = Omit<SaveDraftInput, 'id'>;

/** District / industry / recommending office must come from the lists; empty is allowed in a draft. */
function checkLists(form: Form, lists: ChoiceLists): void {
  const problems: string[] = [];
  const a = form.applicant;
  if (a?.district) {
    a.district = normalizeDistrict(a.district, lists);
    if (!lists.districts.includes(a.district)) problems.push(`所属县（市）区“${a.district}”不在列表中，请从下拉列表选择`);
  }
  if (a?.industry && !lists.industries.includes(a.industry))
    problems.push(`所属产业“${a.industry}”不在列表中，请从下拉列表选择（没有合适的选“其他”）`);
  if (form.recommendingDistrict) {
    form.recommendingDistrict = normalizeDistrict(form.recommendingDistrict, lists);
    if (!lists.districts.includes(form.recommendingDistrict)) problems.push(`推荐单位“${form.recommendingDistrict}”不在县（市）区列表中`);
  }
  if (problems.length) throw new DeskError('INVALID_INPUT', `输入有误，请修改后再保存。${problems.join('；')}。`);
}

/** Apply a partial form to a stored application (nested objects merged, arrays replaced). */
function applyForm(app: Application, form: Form): void {
  if (form.applicant) app.applicant = { ...app.applicant, ...form.applicant };
  if (form.route) app.route = form.route;
  if (form.recommendingDistrict !== undefined) app.recommendingDistrict = form.recommendingDistrict;
  if (form.proposedCenterName !== undefined) app.proposedCenterName = form.proposedCenterName;
  if (form.ipFigures) app.ipFigures = { ...app.ipFigures, ...form.ipFigures };
  if (form.team) app.team = form.team;
  if (form.office) app.office = { ...app.office, ...form.office };
  if (form.narrative !== undefined) app.narrative = form.narrative;
  if (app.route === 'voluntary') app.recommendingDistrict = '';
}

/** What must be filled in before submitting (materials are judged in the formal review). */
export function submitProblems(app: Application): string[] {
  const a = app.applicant;
  const need: [unknown, string][] = [
    [a.unitType, '单位类型'],
    [a.legalRepresentative, '法定代表人'],
    [a.contact, '联系人'],
    [a.phone, '联系电话'],
    [a.address, '地址'],
    [a.district, '所属县（市）区'],
    [a.industry, '所属产业'],
    [app.proposedCenterName, '拟建中心名称'],
  ];
  if (app.route === 'recommended') need.push([app.recommendingDistrict, '推荐单位（县（市）区）']);
  return need.filter(([v]) => !v).map(([, label]) => label);
}

function emptyApplication(id: string, batchId: string, now: string): Application {
  return {
    id,
    batchId,
    applicant: { name: '', uscc: '', legalRepresentative: '', contact: '', phone: '', address: '', district: '', industry: '' },
    route: 'voluntary',
    recommendingDistrict: '',
    proposedCenterName: '',
    ipFigures: { invention: 0, utility: 0, design: 0, trademarks: 0, gi: 0, copyrights: 0, standards: 0 },
    team: [],
    office: { address: '', areaM2: null },
    narrative: '',
    materials: MATERIAL_ITEMS.map((m) => ({ no: m.no, files: [] })),
    status: 'draft',
    formalReviews: [],
    history: [],
    createdAt: now,
    updatedAt: now,
  };
}

export { emptyApplication, applyForm, checkLists };

async function earlierApplications(ctx: HandlerContext, app: Application) {
  const batches = ctx.store.read('batches').batches;
  const current = batches.find((b) => b.id === app.batchId);
  const out = [];
  for (const b of batches) {
    if (b.id === app.batchId || (current && (b.year > current.year || (b.year === current.year && b.sequence >= current.sequence))))
      continue;
    for (const other of (await ctx.store.readKeyed('batch', b.id)).applications) {
      if (other.applicant.uscc !== app.applicant.uscc) continue;
      out.push({
        applicationId: other.id,
        batchId: b.id,
        year: b.year,
        sequence: b.sequence,
        status: other.status,
        message: `该单位曾于${batchLabel(b)}申报，结果：${APPLICATION_STATUS_LABELS[other.status]}。`,
      });
    }
  }
  return out.sort((x, y) => y.year - x.year || y.sequence - x.sequence);
}

export const applicationHandlers: AreaHandlers<Methods> = {
  'applications.create': async (input, ctx) => {
    const batch = assertBatchAllows(ctx, input.batchId, 'registerApplication');
    const uscc = validUscc(input.applicant.uscc);
    const override = checkWindow(ctx, batch, input.windowOverrideReason);
    const { batchId: _b, windowOverrideReason: _w, ...form } = input;
    checkLists(form, choiceLists(ctx));
    return ctx.store.writeKeyed(
      'batch',
      batch.id,
      (draft) => {
        assertBatchAllows(ctx, batch.id, 'registerApplication');
        const existing = draft.applications.find((a) => a.applicant.uscc === uscc);
        if (existing) throw new DeskError('CONFLICT', duplicateMessage(existing, batch), { existingId: existing.id });
        const now = ctx.clock().toISOString();
        const app = emptyApplication(nextApplicationId(batch.id, draft.applications), batch.id, now);
        applyForm(app, form);
        app.applicant.uscc = uscc;
        if (override) app.windowOverrideReason = override;
        app.history.push(historyEntry(ctx, '新建申报（草稿）', override ? `受理期外登记，理由：${override}` : undefined));
        draft.applications.push(app);
        return structuredClone(app);
      },
      (app) => ({
        method: 'applications.create',
        entity: `application:${app.id}`,
        summary: `新建申报“${app.applicant.name}”（${batchLabel(batch)}）${override ? `，受理期外登记，理由：${override}` : ''}`,
        after: app,
      }),
    );
  },

  'applications.saveDraft': async (input, ctx) => {
    const { id, ...form } = input;
    const current = await findApplication(ctx, id);
    if (form.applicant?.uscc !== undefined) {
      form.applicant.uscc = validUscc(form.applicant.uscc);
      if (form.applicant.uscc !== current.applicant.uscc) {
        const clash = (await allApplications(ctx, current.batchId)).find((a) => a.id !== id && a.applicant.uscc === form.applicant!.uscc);
        if (clash) throw new DeskError('CONFLICT', duplicateMessage(clash, findBatch(ctx, current.batchId)), { existingId: clash.id });
      }
    }
    checkLists(form, choiceLists(ctx));
    return updateApplication(ctx, id, 'applications.saveDraft', 'editApplication', (app) => {
      if (!canEdit(app.status)) throw new DeskError('RULE_VIOLATION', editRefusal(app.status));
      applyForm(app, form);
      return { action: '保存草稿', coalesce: true };
    });
  },

  'applications.get': async (input, ctx) => {
    const application = await findApplication(ctx, input.id);
    return { application, earlier: await earlierApplications(ctx, application), missingItems: missingItemNos(application) };
  },

  'applications.list': async (input, ctx) => {
    const { offset, limit, ...filters } = input;
    const rows = queryRows(await allApplications(ctx, filters.batchId), filters);
    return { total: rows.length, rows: rows.slice(offset, offset + limit) };
  },

  'applications.submit': (input, ctx) =>
    updateApplication(ctx, input.id, 'applications.submit', 'editApplication', (app) => {
      const t = transition(app.status, 'submit');
      if (!t.ok) throw new DeskError('RULE_VIOLATION', t.message);
      const missing = submitProblems(app);
      if (missing.length)
        throw new DeskError('RULE_VIOLATION', `还有${missing.length}项未填写：${missing.join('、')}。请补全后再提交。`, { missing });
      const lacking = missingMaterials(app);
      if (lacking.length && input.acknowledgeMissing !== true)
        throw new DeskError('NEEDS_ACKNOWLEDGEMENT', missingMaterialsMessage(lacking), { missingItems: lacking });
      const again = app.status === 'supplementRequired';
      app.status = t.to;
      app.submittedAt = ctx.clock().toISOString();
      const note = lacking.length ? `经确认尚缺材料提交：${lacking.map((m) => `第${m.no}项${m.title}`).join('、')}` : undefined;
      return { action: again ? '补正后重新提交' : '提交申报', ...(note ? { note } : {}) };
    }),

  'applications.missingItems': async (input, ctx) => {
    const app = await findApplication(ctx, input.id);
    return missingMaterials(app);
  },
};
