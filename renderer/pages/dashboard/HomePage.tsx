import { useMemo, useState } from 'react';
import { Alert, Button, Col, Flex, Row, Select, Skeleton, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { ExportedFile } from '../../../electron/core/contract/index.js';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportResult } from '../../components/ExportResult';
import { useRemote } from '../../components/useRemote';
import { desk } from '../../rpc';
import { formatDate } from '../../format';
import { INDICATORS } from '../../../electron/core/contract/centers-labels.js';
import { ChartCard } from './ChartCard';
import { DeadlineList } from './DeadlineList';
import { KpiCards } from './KpiCards';
import { ReminderBar } from './ReminderBar';
import { byDistrictOption, byIndustryOption, byYearOption, centersOption, passRateOption, trendOption } from './charts';

const HORIZON_DAYS = 60;
const CHART_HEIGHT = 260;

/** 首页: reminders, key figures, charts (each exportable as PNG) and the upcoming deadlines. */
export function HomePage() {
  const [year, setYear] = useState<number | null>(null);
  const [indicator, setIndicator] = useState<string>(INDICATORS[0].key);
  const [exported, setExported] = useState<{ file: ExportedFile; title: string } | null>(null);
  const remote = useRemote(() => desk.call('stats.dashboard', { horizonDays: HORIZON_DAYS, ...(year === null ? {} : { year }) }), [year]);
  const d = remote.data;

  const options = useMemo(() => {
    if (!d) return null;
    const any = (rows: { count: number }[]) => rows.some((r) => r.count > 0);
    return {
      byYear: any(d.applicationsByYear) ? byYearOption(d.applicationsByYear) : null,
      district: d.applicationsByDistrict.length ? byDistrictOption(d.applicationsByDistrict) : null,
      industry: d.applicationsByIndustry.length ? byIndustryOption(d.applicationsByIndustry) : null,
      passRates: d.passRates.length ? passRateOption(d.passRates) : null,
      centers: any(d.centersByStatus) ? centersOption(d.centersByStatus) : null,
    };
  }, [d]);
  const trend = useMemo(() => (d?.indicatorTrends.length ? trendOption(d.indicatorTrends, indicator) : null), [d, indicator]);

  const onExported = (file: ExportedFile, title: string) => setExported({ file, title });
  const scope = year === null ? '全部年度' : `${year}年`;

  return (
    <div data-testid="home-page">
      <PageHeader
        title="首页"
        description={d ? `今天是${formatDate(d.today)}。点击提醒或期限可直接前往办理。` : '待办提醒、关键数字与统计图表。'}
        extra={
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">区县、产业统计：</Typography.Text>
            <Select
              aria-label="统计年度"
              data-testid="year-filter"
              style={{ width: 120 }}
              value={year ?? 0}
              onChange={(v: number) => setYear(v === 0 ? null : v)}
              options={[
                { value: 0, label: '全部年度' },
                ...(d?.years ?? [])
                  .slice()
                  .reverse()
                  .map((y) => ({ value: y, label: `${y}年` })),
              ]}
            />
            <Button icon={<ReloadOutlined />} onClick={remote.reload} loading={remote.loading && !!d}>
              刷新
            </Button>
          </Flex>
        }
      />
      <ErrorAlert error={remote.error} title="统计数据读取失败" onRetry={remote.reload} />
      {exported ? (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setExported(null) }}
          style={{ marginBottom: 12 }}
          title={<ExportResult file={exported.file} kind={`“${exported.title}”图表（PNG）`} />}
        />
      ) : null}
      {!d || !options ? (
        remote.error ? null : (
          <Skeleton active paragraph={{ rows: 10 }} />
        )
      ) : (
        <>
          <ReminderBar reminders={d.reminders} />
          <KpiCards data={d} />
          <Row gutter={[12, 12]}>
            <Col span={12}>
              <DeadlineList deadlines={d.deadlines} horizonDays={HORIZON_DAYS} height={CHART_HEIGHT} />
            </Col>
            <Col span={12}>
              <ChartCard
                title="各年度申报数量"
                option={options.byYear}
                emptyText="还没有申报"
                height={CHART_HEIGHT}
                onExported={onExported}
                testId="chart-by-year"
              />
            </Col>
            <Col span={12}>
              <ChartCard
                title={`各区县申报数量（${scope}）`}
                option={options.district}
                emptyText={`${scope}没有申报`}
                height={CHART_HEIGHT}
                onExported={onExported}
                testId="chart-district"
              />
            </Col>
            <Col span={12}>
              <ChartCard
                title={`各产业申报数量（${scope}）`}
                option={options.industry}
                emptyText={`${scope}没有申报`}
                height={CHART_HEIGHT}
                onExported={onExported}
                testId="chart-industry"
              />
            </Col>
            <Col span={12}>
              <ChartCard
                title="各批次评审通过率"
                option={options.passRates}
                emptyText="还没有评审结果"
                height={CHART_HEIGHT}
                onExported={onExported}
                testId="chart-pass-rate"
              />
            </Col>
            <Col span={12}>
              <ChartCard
                title="中心状态"
                option={options.centers}
                emptyText="还没有认定的中心"
                height={CHART_HEIGHT}
                onExported={onExported}
                testId="chart-centers"
              />
            </Col>
            <Col span={24}>
              <ChartCard
                title="年度工作总结指标趋势"
                option={trend}
                emptyText="还没有登记年度工作总结"
                height={CHART_HEIGHT}
                onExported={onExported}
                testId="chart-trend"
                extra={
                  <Select
                    aria-label="指标"
                    size="small"
                    style={{ width: 220 }}
                    value={indicator}
                    onChange={setIndicator}
                    options={INDICATORS.map((i) => ({ value: i.key, label: `${i.label}（${i.unit}）` }))}
                  />
                }
              />
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
