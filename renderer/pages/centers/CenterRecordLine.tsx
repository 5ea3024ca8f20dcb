import { Space, Tag, Typography } from 'antd';
import type { Center } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { useRemote } from '../../components/useRemote';
import { GRADE_COLORS, GRADE_LABELS, OUTCOME_LABELS } from './labels';
import { thisYear as bureauThisYear } from '../../format';

/**
 * What a reviewer weighs before deciding: each year's summary and mid-term grade since designation, and
 * earlier re-review outcomes (from centers.history).
 */
export function CenterRecordLine({ center }: { center: Center }) {
  const history = useRemote(() => desk.call('centers.history', { centerId: center.id }), [center.id]);
  const h = history.data;
  if (!h) return null;
  const firstYear = Number(center.designatedOn.slice(0, 4));
  // Past years are due; the current year shows only once something was recorded for it.
  const thisYear = bureauThisYear();
  const endYear = center.certificateEndedOn ? Number(center.certificateEndedOn.slice(0, 4)) : thisYear - 1;
  const lastYear = Math.max(firstYear, endYear, ...h.summaries.map((s) => s.year));
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  return (
    <div data-testid="center-record" style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">历年情况：</Typography.Text>
      <Space size={[4, 4]} wrap>
        {years.map((y) => {
          const a = h.assessments.find((x) => x.year === y);
          const s = h.summaries.find((x) => x.year === y);
          return (
            <Tag key={y} color={a ? GRADE_COLORS[a.grade] : s || y >= thisYear ? 'default' : 'red'}>
              {y}年：{a ? `${GRADE_LABELS[a.grade]}（${a.total}分）` : s ? '已交总结，未考核' : y >= thisYear ? '总结尚未提交' : '未交总结'}
            </Tag>
          );
        })}
        {h.reviews.map((r) => (
          <Tag key={r.id}>
            {r.decidedOn.slice(0, 4)}年复核：{OUTCOME_LABELS[r.outcome]}
          </Tag>
        ))}
      </Space>
    </div>
  );
}
