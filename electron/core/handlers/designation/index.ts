/** 公示、异议、认定、中心名录、共建协议与节假日安排 (publicity → designation → centers). */
import { DeskError } from '../../contract/errors.js';
import type { MethodOutput } from '../../contract/index.js';
import type { Application } from '../../contract/applications/entities.js';
import type { Batch } from '../../contract/batches.js';
import type { Center, DesignationPart, DesignationView, Objection, PublicityEntry } from '../../contract/designation.js';
import type { HolidayTableInput } from '../../contract/settings.js';
import { formatChineseDate } from '../../domain/batches.js';
import { bureauDate } from '../../domain/clock.js';
import { bureauDateOf } from '../../domain/bureau-time.js';
import { firstReviewDue } from '../../domain/center-lifecycle.js';
import { assertCenterNamesFree } from '../../domain/center-names.js';
import { DEFAULT_HOLIDAY_TABLES } from '../../domain/holidays-data.js';
import {
  centerName,
  centerValidUntil,
  certificateSeries,
  decisionBlockers,
  formatCertificateNumber,
  objectionAcceptance,
  objectionStatus,
  plaqueDateLine,
  publicityBackdated,
  publicityPeriod,
  publicityWithdrawalRefusal,
} from '../../domain/publicity.js';
import { holidayTableProblems, workingDaysBetween } from '../../domain/working-days.js';
import { currentNumber, docNumberSeries, issueNumbered, numberChanged, peekDocNumber, type ClaimedNumbers } from '../../store/numbering.js';
import { formatDocNumber } from '../../domain/doc-number.js';
import { allApplications, batchLabel, findBatch, operator } from '../applications/store.js';
import { designationDocumentHandlers } from './documents.js';
import { renderDesignationDocuments } from '../../services/documents/designation.js';
import { currentTemplateText, storeTemplateUse, templateForIssue } from '../../services/templates.js';
import { workingCalendar } from '../formal-review.js';
import { scoringResults } from '../../services/scoring.js';
import type { AreaHandlers, HandlerContext } from '../types.js';
import { batchStep } from '../../domain/batch-lifecycle.js';
import { assertBatchAllows, moveBatch } from '../batch-state.js';

type Methods =
  | 'calendar.get'
  | 'calendar.saveYear'
  | 'publicity.create'
  | 'publicity.withdraw'
  | 'publicity.preview'
  | 'publicity.get'
  | 'objections.record'
  | 'objections.resolve'
  | 'decision.preview'
  | 'decision.create';

// ───────────────────────────── helpers ─────────────────────────────

/** Serialise the check-then-write steps of one batch (two clicks on 认定 must not designate twice). */
const batchLocks = new Map<string, Promise<unknown>>();
function withBatchLock<R>(batchId: string, job: () => Promise<R>): Promise<R> {
  const previous = batchLocks.get(batchId) ?? Promise.resolve();
  const run = previous.then(job, job);
  const tail = run.catch(() => undefined);
  batchLocks.set(batchId, tail);
  void tail.then(() => {
    if (batchLocks.get(batchId) === tail) batchLocks.delete(batchId);
  });
  return run;
}

export async function designationPartOf(ctx: HandlerContext, batchId: string): Promise<Readonly<DesignationPart>> {
  return ctx.store.readKeyed('designation', batchId);
}

function batchOfObjection(id: string): string {
  const m = /^(\d{4}-\d+)-O\d+$/.exec(id);
  if (!m) throw new DeskError('NOT_FOUND', `找不到异议 ${id}，请刷新后重试。`);
  return m[1]!;
}

function today(ctx: HandlerContext): string {
  return bureauDate(ctx.clock());
}

/** The list as it stands: published applications minus those withdrawn after an upheld objection. */
export function listInForce(part: Readonly<DesignationPart>): string[] {
  if (!part.publicity) return [];
  const withdrawn = new Set(part.publicity.withdrawn.map((w) => w.applicationId));
  return part.publicity.applicationIds.filter((id) => !withdrawn.has(id));
}

export async function designationView(ctx: HandlerContext, batchId: string): Promise<DesignationView> {
  const batch = findBatch(ctx, batchId);
  const part = await designationPartOf(ctx, batch.id);
  const entries: PublicityEntry[] = [];
  if (part.publicity) {
    const apps = new Map((await allApplications(ctx, batch.id)).map((a) => [a.id, a]));
    const results = await scoringResults(ctx, batch.id);
    const byApp = new Map(results.rows.map((r) => [r.applicationId, r]));
    const withdrawn = new Set(part.publicity.withdrawn.map((w) => w.applicationId));
    for (const id of part.publicity.applicationIds) {
      const app = apps.get(id);
      const row = byApp.get(id);
      entries.push({
        applicationId: id,
        applicantName: app?.applicant.name ?? '（申报已删除）',
        proposedCenterName: app ? centerName(app.proposedCenterName, app.applicant.industry) : '',
        industry: app?.applicant.industry ?? '',
        district: app?.applicant.district ?? '',
        rank: row?.rank ?? null,
        final: row?.final ?? null,
        withdrawn: withdrawn.has(id),
      });
    }
  }
  const blockers = part.decision ? [] : decisionBlockers(part.publicity, part.objections, today(ctx));
  return {
    batchId: batch.id,
    publicity: part.publicity ? structuredClone(part.publicity) : null,
    entries,
    objections: structuredClone(part.objections),
    decision: part.decision ? structuredClone(part.decision) : null,
    withdrawnPublicities: part.publicityHistory.map((h) => ({
      startsOn: h.publicity.startsOn,
      endsOn: h.publicity.endsOn,
      listed: h.publicity.applicationIds.length,
      objections: h.objections.length,
      withdrawal: { ...h.withdrawal },
    })),
    blockers,
  };
}

// ───────────────────────────── calendar ─────────────────────────────

function calendarView(ctx: HandlerContext): MethodOutput<'calendar.get'> {
  const overrides = ctx.store.read('settings').settings.holidayTables ?? [];
  const calendar = workingCalendar(ctx);
  const shipped = new Map(DEFAULT_HOLIDAY_TABLES.map((t) => [t.year, t]));
  const overridden = new Set(overrides.map((t) => t.year));
  const years = [...calendar.tables.values()]
    .sort((a, b) => a.year - b.year)
    .map((t) => ({
      year: t.year,
      source: t.source,
      offDays: [...t.offDays],
      makeUpWorkDays: [...t.makeUpWorkDays],
      origin: overridden.has(t.year) ? ('override' as const) : ('shipped' as const),
      ...(overridden.has(t.year) && shipped.has(t.year) ? { shippedSource: shipped.get(t.year)!.source } : {}),
      workingDays: workingDaysBetween(`${t.year}-01-01`, `${t.year}-12-31`, calendar),
    }));
  return {
    years,
    conventions: [
      '工作日：扣除周六、周日和法定节假日，计入调休上班日。没有录入节假日安排的年份只扣除周六、周日，并给出提示。',
      '公示期：开始当日为工作日的，当日计为第1个工作日（如2026年9月28日起5个工作日，至2026年10月9日止）。',
      '补正期限：自通知次日起算（通知当日不计入）。',
    ],
  };
}

function cleanDays(days: readonly string[]): string[] {
  return [...new Set(days)].sort();
}

// ───────────────────────────── handlers ─────────────────────────────

export const designationHandlers: AreaHandlers<Methods> & typeof designationDocumentHandlers = {
  ...designationDocumentHandlers,

  'calendar.get': (_input, ctx) => calendarView(ctx),

  'calendar.saveYear': async (input, ctx) => {
    const table: HolidayTableInput = {
      year: input.year,
      source: input.source,
      offDays: cleanDays(input.offDays),
      makeUpWorkDays: cleanDays(input.makeUpWorkDays),
    };
    const problems = holidayTableProblems(table);
    if (problems.length > 0) throw new DeskError('INVALID_INPUT', `节假日安排有误：${problems.join('')}请改正后再保存。`, { problems });
    await ctx.store.write(
      'settings',
      (draft) => {
        const before = draft.settings.holidayTables?.find((t) => t.year === table.year);
        const rest = (draft.settings.holidayTables ?? []).filter((t) => t.year !== table.year);
        draft.settings = { ...draft.settings, holidayTables: [...rest, table].sort((a, b) => a.year - b.year) };
        return before;
      },
      (before) => ({
        method: 'calendar.saveYear',
        entity: `calendar:${table.year}`,
        summary: `保存${table.year}年节假日安排（${table.offDays.length}天放假、${table.makeUpWorkDays.length}天调休上班）`,
        before,
        after: table,
      }),
    );
    return calendarView(ctx);
  },

  'publicity.preview': async (input, ctx) => {
    const batch = findBatch(ctx, input.batchId);
    const plan = await publicityPlan(ctx, batch, input);
    return {
      entries: plan.ids.map((id) => {
        const app = plan.apps.get(id)!;
        return {
          applicationId: id,
          applicantName: app.applicant.name,
          proposedCenterName: centerName(app.proposedCenterName, app.applicant.industry),
        };
      }),
      startsOn: plan.period.startsOn,
      firstDay: plan.period.firstDay,
      endsOn: plan.period.endsOn,
      workingDays: plan.period.workingDays,
      convention: plan.period.convention,
      ...(plan.period.warning ? { calendarWarning: plan.period.warning } : {}),
      today: plan.today,
      backdated: plan.backdated,
    };
  },

  'publicity.create': (input, ctx) => {
    const batch = findBatch(ctx, input.batchId);
    return withBatchLock(batch.id, async () => {
      const part = await designationPartOf(ctx, batch.id);
      if (part.publicity) {
        // An earlier attempt recorded the publicity but not the batch's status: finish that step.
        if (batchStep(findBatch(ctx, batch.id), 'startPublicity').ok) await moveBatch(ctx, batch.id, 'startPublicity', 'publicity.create');
      }
      const { ids, period, sources, today: day, backdated } = await publicityPlan(ctx, batch, input);
      const backdateReason = backdated ? input.backdateReason : undefined;
      if (backdated && !backdateReason) {
        throw new DeskError(
          'NEEDS_REASON',
          `公示开始日期（${formatChineseDate(period.startsOn)}）早于今天（${formatChineseDate(day)}），请填写“开始日期早于今天的理由”后再发起公示。`,
          { field: 'backdateReason', startsOn: period.startsOn, today: day },
        );
      }
      // The 公示 notice is worded by the template version current now; its reprints keep it.
      const template = await templateForIssue(ctx, 'publicityNotice', 'publicity.create');
      await ctx.store.writeKeyed(
        'designation',
        batch.id,
        (draft) => {
          assertBatchAllows(ctx, batch.id, 'startPublicity');
          draft.publicity = {
            batchId: batch.id,
            startsOn: period.startsOn,
            endsOn: period.endsOn,
            workingDays: period.workingDays,
            convention: period.convention,
            applicationIds: ids,
            withdrawn: [],
            ...(period.warning ? { calendarWarning: period.warning } : {}),
            ...(input.contact ? { contact: input.contact } : {}),
            ...(backdateReason ? { backdateReason } : {}),
            calendarSources: sources,
            templateVersion: template.version,
            createdAt: ctx.clock().toISOString(),
            createdBy: operator(ctx),
          };
          return draft.publicity;
        },
        (p) => ({
          method: 'publicity.create',
          entity: `publicity:${batch.id}`,
          summary:
            `${batchLabel(batch)}发起公示：${p.convention}，名单${p.applicationIds.length}家` +
            (p.backdateReason ? `；开始日期早于发起当日（${formatChineseDate(day)}），理由：${p.backdateReason}` : ''),
          after: p,
        }),
      );
      await moveBatch(ctx, batch.id, 'startPublicity', 'publicity.create');
      return designationView(ctx, batch.id);
    });
  },

  'publicity.withdraw': (input, ctx) => {
    const batch = findBatch(ctx, input.batchId);
    return withBatchLock(batch.id, async () => {
      const refuse = (message: string) => new DeskError('INVALID_STATE', message, { batchId: batch.id, operation: 'withdrawPublicity' });
      const part = await designationPartOf(ctx, batch.id);
      // An earlier attempt stored the withdrawal but not the batch's status: finish that step.
      if (
        !part.publicity &&
        !part.decision &&
        part.publicityHistory.length > 0 &&
        batchStep(findBatch(ctx, batch.id), 'withdrawPublicity').ok
      ) {
        await moveBatch(ctx, batch.id, 'withdrawPublicity', 'publicity.withdraw');
        return designationView(ctx, batch.id);
      }
      const refusal = publicityWithdrawalRefusal(part);
      if (refusal) throw refuse(`${batchLabel(batch)}${refusal}`);
      assertBatchAllows(ctx, batch.id, 'withdrawPublicity');
      const withdrawal = { at: ctx.clock().toISOString(), by: operator(ctx), reason: input.reason };
      await ctx.store.writeKeyed(
        'designation',
        batch.id,
        (draft) => {
          const again = publicityWithdrawalRefusal(draft);
          if (again) throw refuse(`${batchLabel(batch)}${again}`);
          assertBatchAllows(ctx, batch.id, 'withdrawPublicity');
          const entry = { publicity: draft.publicity!, objections: draft.objections, withdrawal };
          draft.publicityHistory.push(entry);
          delete draft.publicity;
          draft.objections = [];
          return structuredClone(entry);
        },
        (e) => ({
          method: 'publicity.withdraw',
          entity: `publicity:${batch.id}`,
          summary: `${batchLabel(batch)}撤回公示（${formatChineseDate(e.publicity.startsOn)}至${formatChineseDate(e.publicity.endsOn)}，名单${e.publicity.applicationIds.length}家${e.objections.length ? `，异议${e.objections.length}件随之存档` : ''}）。理由：${e.withdrawal.reason}`,
          before: e.publicity,
          after: { withdrawal: e.withdrawal },
        }),
      );
      // The batch goes back to 评审中: a new publicity can be started.
      await moveBatch(ctx, batch.id, 'withdrawPublicity', 'publicity.withdraw');
      return designationView(ctx, batch.id);
    });
  },

  'publicity.get': (input, ctx) => designationView(ctx, input.batchId),

  'objections.record': (input, ctx) => {
    const batch = findBatch(ctx, input.batchId);
    return withBatchLock(batch.id, async () => {
      const part = await designationPartOf(ctx, batch.id);
      const publicity = part.publicity;
      if (!publicity) throw new DeskError('RULE_VIOLATION', `${batchLabel(batch)}尚未公示，不能登记异议。`);
      if (!publicity.applicationIds.includes(input.applicationId)) {
        throw new DeskError('NOT_FOUND', `申报 ${input.applicationId} 不在${batchLabel(batch)}的公示名单中，请核对异议针对的单位。`);
      }
      if (part.decision)
        throw new DeskError('RULE_VIOLATION', `${batchLabel(batch)}已作出认定决定（${part.decision.docNumber}），公示异议不再登记。`);
      assertBatchAllows(ctx, batch.id, 'handleObjection');
      const acceptance = objectionAcceptance(input, publicity);
      return ctx.store.writeKeyed(
        'designation',
        batch.id,
        (draft) => {
          assertBatchAllows(ctx, batch.id, 'handleObjection');
          const objection: Objection = {
            // Numbered across withdrawn publicities too: an id is never given twice.
            id: `${batch.id}-O${draft.objections.length + draft.publicityHistory.reduce((n, h) => n + h.objections.length, 0) + 1}`,
            batchId: batch.id,
            applicationId: input.applicationId,
            receivedOn: input.receivedOn,
            from: input.from,
            kind: input.kind,
            identityProof: input.identityProof,
            content: input.content,
            accepted: acceptance.accepted,
            ...(acceptance.accepted ? {} : { notAcceptedReason: acceptance.reason }),
            status: acceptance.accepted ? 'open' : 'notAccepted',
            recordedAt: ctx.clock().toISOString(),
            recordedBy: operator(ctx),
          };
          draft.objections.push(objection);
          return structuredClone(objection);
        },
        (o) => ({
          method: 'objections.record',
          entity: `objection:${o.id}`,
          summary: `登记异议 ${o.id}（${o.from || '匿名'}，针对 ${o.applicationId}）：${o.accepted ? '受理' : `不予受理，${o.notAcceptedReason ?? ''}`}`,
          after: o,
        }),
      );
    });
  },

  'objections.resolve': (input, ctx) => {
    const batchId = batchOfObjection(input.objectionId);
    const batch = findBatch(ctx, batchId);
    return withBatchLock(batch.id, async () => {
      const part = await designationPartOf(ctx, batch.id);
      const found = part.objections.find((o) => o.id === input.objectionId);
      if (!found) throw new DeskError('NOT_FOUND', `找不到异议 ${input.objectionId}，请刷新后重试。`);
      if (!found.accepted)
        throw new DeskError('RULE_VIOLATION', `异议 ${found.id} 未予受理（${found.notAcceptedReason ?? ''}），无需作出处理结论。`);
      if (found.resolution)
        throw new DeskError(
          'CONFLICT',
          `异议 ${found.id} 已于${formatChineseDate(bureauDateOf(found.resolution.at))}处理（${found.resolution.outcome === 'upheld' ? '异议成立' : '异议不成立'}），不能重复处理。`,
        );
      if (part.decision) throw new DeskError('RULE_VIOLATION', `${batchLabel(batch)}已作出认定决定，不能再处理公示异议。`);
      assertBatchAllows(ctx, batch.id, 'handleObjection');
      const at = ctx.clock().toISOString();
      const by = operator(ctx);
      return ctx.store.writeKeyed(
        'designation',
        batch.id,
        (draft) => {
          assertBatchAllows(ctx, batch.id, 'handleObjection');
          const o = draft.objections.find((x) => x.id === input.objectionId)!;
          o.resolution = { outcome: input.outcome, reason: input.reason, at, by };
          o.status = objectionStatus(o);
          if (
            input.outcome === 'upheld' &&
            draft.publicity &&
            !draft.publicity.withdrawn.some((w) => w.applicationId === o.applicationId)
          ) {
            draft.publicity.withdrawn.push({ applicationId: o.applicationId, objectionId: o.id, at });
          }
          return structuredClone(o);
        },
        (o) => ({
          method: 'objections.resolve',
          entity: `objection:${o.id}`,
          summary: `处理异议 ${o.id}：${o.resolution!.outcome === 'upheld' ? `异议成立，${o.applicationId} 撤出公示名单` : '异议不成立'}。理由：${o.resolution!.reason}`,
          before: found,
          after: o,
        }),
      );
    });
  },

  'decision.preview': async (input, ctx) => {
    const batch = findBatch(ctx, input.batchId);
    const part = await designationPartOf(ctx, batch.id);
    const { ids, apps } = await decisionPlan(ctx, batch, part, input.decidedOn);
    const settings = ctx.store.read('settings').settings;
    const year = Number(input.decidedOn.slice(0, 4));
    // A crashed earlier attempt already numbered this batch's centers: the decision keeps those numbers.
    const earlier = ctx.store.read('centers').centers.filter((c) => c.batchId === batch.id);
    const nextCert = currentNumber(ctx.store, certificateSeries(settings.certNumberPrefix)) + 1;
    return {
      docNumber: earlier[0]?.decisionDocNumber ?? peekDocNumber(ctx.store, settings.docNumberPrefix, year),
      decidedOn: input.decidedOn,
      centers: ids.map((id, i) => {
        const app = apps.get(id)!;
        return {
          applicationId: id,
          name: centerName(app.proposedCenterName, app.applicant.industry),
          hostUnit: app.applicant.name,
          certificateNumber:
            earlier.find((c) => c.applicationId === id)?.certificateNumber ??
            formatCertificateNumber(settings.certNumberPrefix, year, nextCert + i),
        };
      }),
      validUntil: centerValidUntil(input.decidedOn),
      firstReviewDue: firstReviewDue(input.decidedOn),
    };
  },

  'decision.create': (input, ctx) => {
    const batch = findBatch(ctx, input.batchId);
    return withBatchLock(batch.id, async () => {
      const part = await designationPartOf(ctx, batch.id);
      // An earlier attempt recorded the decision but not the batch's status: finish that step.
      if (part.decision && batchStep(findBatch(ctx, batch.id), 'designate').ok)
        await moveBatch(ctx, batch.id, 'designate', 'decision.create');
      const { ids, apps } = await decisionPlan(ctx, batch, part, input.decidedOn);
      const settings = ctx.store.read('settings').settings;
      const year = Number(input.decidedOn.slice(0, 4));
      const now = ctx.clock().toISOString();

      // Recovery: centers written by an earlier attempt that crashed before the decision was recorded.
      const earlier = ctx.store.read('centers').centers.filter((c) => c.batchId === batch.id);
      let docNumber: string;
      let sequence: number;
      let centers: Center[];
      // The 认定通知 and the certificates are worded by the template versions current now; the decision and
      // each center record them for reprints.
      const template = currentTemplateText(ctx, 'designationNotice');
      const certificate = currentTemplateText(ctx, 'certificate');
      if (earlier.length > 0) {
        docNumber = earlier[0]!.decisionDocNumber;
        sequence = Number(/(\d+)号$/.exec(docNumber)?.[1] ?? 0);
        centers = structuredClone(earlier);
      } else {
        // Render the 认定通知, certificates and plaque sheet with the numbers they will get; only then take
        // the 发文字号 and the certificate numbers (one per center, in list order) and store the centers.
        const issued = await issueNumbered(ctx.store, {
          claims: [
            { series: docNumberSeries(settings.docNumberPrefix, year) },
            { series: certificateSeries(settings.certNumberPrefix), count: ids.length },
          ],
          ...(input.expectedDocNumber !== undefined
            ? {
                expect: ([doc]: readonly ClaimedNumbers[]) => {
                  const number = formatDocNumber(settings.docNumberPrefix, year, doc!.first);
                  if (number !== input.expectedDocNumber) throw numberChanged(input.expectedDocNumber!, number);
                },
              }
            : {}),
          audit: { method: 'decision.create', entity: `decision:${batch.id}`, summary: `认定${batchLabel(batch)}，发文字号和证书编号取号` },
          render: async ([doc, certs]) => {
            const number = formatDocNumber(settings.docNumberPrefix, year, doc!.first);
            const planned = ids.map((id, i) =>
              newCenter(
                apps.get(id)!,
                number,
                input.decidedOn,
                formatCertificateNumber(settings.certNumberPrefix, year, certs!.numbers[i]!),
                settings.bureauName,
                now,
                certificate.version,
              ),
            );
            await renderDesignationDocuments(ctx, batch, number, input.decidedOn, planned, template, certificate);
            return { docNumber: number, sequence: doc!.first, planned };
          },
          commit: async (_claimed, { docNumber: number, planned }) => {
            await storeTemplateUse(ctx, 'designationNotice', template, 'decision.create');
            await storeTemplateUse(ctx, 'certificate', certificate, 'decision.create');
            return ctx.store.write(
              'centers',
              (draft) => {
                const made = planned.map((c, i) => ({ id: `C${draft.centers.length + i + 1}`, ...c }));
                draft.centers.push(...made);
                return structuredClone(made);
              },
              (made) => ({
                method: 'decision.create',
                entity: `decision:${batch.id}`,
                summary: `${number}认定${made.length}家中心：${made.map((c) => `${c.name}（${c.certificateNumber}）`).join('、')}`,
                after: made,
              }),
            );
          },
        });
        ({ docNumber, sequence } = issued!.doc);
        centers = issued!.result;
      }
      const decision = await ctx.store.writeKeyed(
        'designation',
        batch.id,
        (draft) => {
          assertBatchAllows(ctx, batch.id, 'designate');
          draft.decision = {
            batchId: batch.id,
            docNumber,
            year,
            sequence,
            decidedOn: input.decidedOn,
            applicationIds: centers.map((c) => c.applicationId),
            centerIds: centers.map((c) => c.id),
            createdAt: now,
            createdBy: operator(ctx),
            templateVersion: template.version,
          };
          return structuredClone(draft.decision);
        },
        (d) => ({
          method: 'decision.create',
          entity: `decision:${batch.id}`,
          summary: `${batchLabel(batch)}认定决定 ${d.docNumber}（${formatChineseDate(d.decidedOn)}），${d.centerIds.length}家`,
          after: d,
        }),
      );
      await moveBatch(ctx, batch.id, 'designate', 'decision.create');
      return { decision, centers };
    });
  },
};

/**
 * What 发起公示 would do, checked as the act checks it (a publicity already started, the batch's state, the
 * list, names in use): the list, the period by the working-day rule, and whether the start is in the past.
 */
async function publicityPlan(
  ctx: HandlerContext,
  batch: Batch,
  input: { startsOn: string; workingDays: number; applicationIds?: readonly string[] | undefined },
) {
  const part = await designationPartOf(ctx, batch.id);
  if (part.publicity)
    throw new DeskError('CONFLICT', `${batchLabel(batch)}已于${formatChineseDate(part.publicity.startsOn)}发起公示，不能重复发起。`);
  assertBatchAllows(ctx, batch.id, 'startPublicity');
  const apps = new Map((await allApplications(ctx, batch.id)).map((a) => [a.id, a]));
  let ids: string[];
  if (input.applicationIds) {
    const seen = new Set<string>();
    for (const id of input.applicationIds) {
      if (seen.has(id)) throw new DeskError('INVALID_INPUT', `公示名单中申报 ${id} 重复列出。`);
      seen.add(id);
      if (!apps.has(id)) throw new DeskError('NOT_FOUND', `公示名单中的申报 ${id} 不属于${batchLabel(batch)}，请刷新后重试。`);
    }
    ids = [...input.applicationIds];
  } else {
    const results = await scoringResults(ctx, batch.id);
    ids = results.rows
      .filter((r) => r.passed)
      .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9))
      .map((r) => r.applicationId);
    if (ids.length === 0)
      throw new DeskError('RULE_VIOLATION', `${batchLabel(batch)}还没有通过专家评审的申报，无法公示。请先在“评审结果”中核对汇总结果。`);
  }
  assertCenterNamesFree('公示', nameCandidates(ids, apps), ctx.store.read('centers').centers);
  const calendar = workingCalendar(ctx);
  const period = publicityPeriod(input.startsOn, input.workingDays, calendar);
  const sources = [
    ...new Set(
      [input.startsOn, period.endsOn].map((d) => calendar.tables.get(Number(d.slice(0, 4)))?.source).filter((s): s is string => !!s),
    ),
  ];
  const day = today(ctx);
  return { ids, apps, period, sources, today: day, backdated: publicityBackdated(input.startsOn, day) };
}

/** What 认定 would designate, checked as the act checks it: the list in force, its applications, names still free. */
async function decisionPlan(ctx: HandlerContext, batch: Batch, part: Readonly<DesignationPart>, decidedOn: string) {
  const blockers = decisionBlockers(part.publicity, part.objections, decidedOn, !!part.decision);
  if (blockers.length > 0) throw new DeskError('RULE_VIOLATION', `暂不能认定：${blockers.join('')}`, { blockers });
  const ids = listInForce(part);
  if (ids.length === 0) throw new DeskError('RULE_VIOLATION', '公示名单中的申报均已撤出，没有可认定的单位。');
  const apps = new Map((await allApplications(ctx, batch.id)).map((a) => [a.id, a]));
  const missing = ids.filter((id) => !apps.has(id));
  if (missing.length > 0) throw new DeskError('NOT_FOUND', `公示名单中的申报 ${missing.join('、')} 已不存在，无法认定。`);
  // A center of another batch may have taken a name since the publicity (this batch's own, from a crashed attempt, do not count).
  const others = ctx.store.read('centers').centers.filter((c) => c.batchId !== batch.id);
  assertCenterNamesFree('认定', nameCandidates(ids, apps), others);
  assertBatchAllows(ctx, batch.id, 'designate');
  return { ids, apps };
}

/** The center names the applications would bear (as newCenter names them). */
function nameCandidates(ids: readonly string[], apps: ReadonlyMap<string, Application>): { applicationId: string; name: string }[] {
  return ids.flatMap((id) => {
    const app = apps.get(id);
    return app ? [{ applicationId: id, name: centerName(app.proposedCenterName, app.applicant.industry) }] : [];
  });
}

function newCenter(
  app: Application,
  docNumber: string,
  designatedOn: string,
  certificateNumber: string,
  bureauName: string,
  now: string,
  certificateTemplateVersion: number,
): Omit<Center, 'id'> {
  const name = centerName(app.proposedCenterName, app.applicant.industry);
  return {
    name,
    hostUnit: app.applicant.name,
    hostUscc: app.applicant.uscc,
    industry: app.applicant.industry,
    district: app.applicant.district,
    batchId: app.batchId,
    applicationId: app.id,
    decisionDocNumber: docNumber,
    designatedOn,
    certificateNumber,
    certificateTemplateVersion,
    validUntil: centerValidUntil(designatedOn),
    nextReviewDue: firstReviewDue(designatedOn),
    status: 'active',
    plaque: { number: certificateNumber, inscription: name, authority: bureauName, dateLine: plaqueDateLine(designatedOn) },
    createdAt: now,
    statusHistory: [],
  };
}
