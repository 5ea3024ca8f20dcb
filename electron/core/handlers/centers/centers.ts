/** 中心 (centers): the roster, one center, those without a 共建协议, recording the agreement. */
import { DeskError } from '../../contract/errors.js';
import type { Center } from '../../contract/designation.js';
import { formatChineseDate } from '../../domain/batches.js';
import { agreementRefusal, applyPlaqueReturn, plaqueReturnText } from '../../domain/center-lifecycle.js';
import { bureauDate } from '../../domain/clock.js';
import { matchesNameSearch } from '../../domain/name-search.js';
import { operator } from '../applications/store.js';
import type { AreaHandlers, HandlerContext } from '../types.js';

type Methods = 'centers.list' | 'centers.get' | 'centers.withoutAgreement' | 'centers.recordPlaqueReturn' | 'agreements.record';

export const centerHandlers: AreaHandlers<Methods> = {
  'centers.list': (input, ctx) =>
    structuredClone(
      ctx.store
        .read('centers')
        .centers.filter(
          (c) =>
            (input.status ? c.status === input.status : true) &&
            (input.year ? c.designatedOn.startsWith(`${input.year}-`) : true) &&
            matchesNameSearch(input.search ?? '', [c.name, c.hostUnit], [c.hostUscc]),
        ),
    ),

  'centers.get': (input, ctx) => structuredClone(findCenter(ctx, input.id)),

  'centers.withoutAgreement': (_input, ctx) =>
    structuredClone(ctx.store.read('centers').centers.filter((c) => !c.agreement && c.status !== 'revoked')),

  'centers.recordPlaqueReturn': async (input, ctx) => {
    const center = findCenter(ctx, input.centerId);
    const rc = () => ({ today: bureauDate(ctx.clock()), at: ctx.clock().toISOString(), by: operator(ctx) });
    const plaqueInput = { returnedOn: input.returnedOn, note: input.note };
    applyPlaqueReturn(center, plaqueInput, rc()); // refuse before writing anything
    return ctx.store
      .write(
        'centers',
        (draft) => {
          const i = draft.centers.findIndex((x) => x.id === center.id);
          const before = structuredClone(draft.centers[i]!);
          draft.centers[i] = applyPlaqueReturn(before, plaqueInput, rc());
          return { before, after: structuredClone(draft.centers[i]) };
        },
        ({ before, after }) => ({
          method: 'centers.recordPlaqueReturn',
          entity: `center:${center.id}`,
          summary: `${after.name}牌匾收回登记：${formatChineseDate(input.returnedOn)}收回（原为${plaqueReturnText(before, input.returnedOn) ?? ''}）${input.note ? `，备注：${input.note}` : ''}`,
          before: before.plaqueReturn ?? before.plaqueWithdrawn,
          after: after.plaqueReturn,
        }),
      )
      .then((r) => r.after);
  },

  'agreements.record': async (input, ctx) => {
    const center = findCenter(ctx, input.centerId);
    const refusal = agreementRefusal(center);
    if (refusal) throw new DeskError('INVALID_STATE', refusal, { centerId: center.id, status: center.status });
    if (input.signedOn < center.designatedOn) {
      throw new DeskError(
        'RULE_VIOLATION',
        `签订日期（${formatChineseDate(input.signedOn)}）早于中心认定日期（${formatChineseDate(center.designatedOn)}），请核对。`,
      );
    }
    const parties = [...new Set(input.parties)];
    return ctx.store.write(
      'centers',
      (draft) => {
        const c = draft.centers.find((x) => x.id === center.id)!;
        const late = agreementRefusal(c);
        if (late) throw new DeskError('INVALID_STATE', late, { centerId: c.id, status: c.status });
        c.agreement = { parties, signedOn: input.signedOn, recordedAt: ctx.clock().toISOString(), recordedBy: operator(ctx) };
        return structuredClone(c);
      },
      (c) => ({
        method: 'agreements.record',
        entity: `center:${c.id}`,
        summary: `登记${c.name}共建协议（${parties.join('、')}，${formatChineseDate(input.signedOn)}签订）`,
        before: center.agreement,
        after: c.agreement,
      }),
    );
  },
};

export function findCenter(ctx: HandlerContext, id: string): Readonly<Center> {
  const c = ctx.store.read('centers').centers.find((x) => x.id === id);
  if (!c) throw new DeskError('NOT_FOUND', `找不到编号为 ${id} 的中心，请刷新后重试。`);
  return c;
}
