import { Alert, Descriptions, Table, Typography } from 'antd';
import type { PublicityPreview } from '../../../electron/core/contract/index.js';
import { formatDate } from '../../format';
import type { ConfirmActOptions } from '../../components/ConfirmActModal';

/** The confirmation of 发起公示: the list and both dates as the core computes them (publicity.preview), a reason when backdated. */
export function publicityConfirmation(p: PublicityPreview): ConfirmActOptions {
  return {
    title: '发起公示',
    actName: `发起公示（${p.entries.length}家）`,
    testId: 'confirm-publicity',
    width: 760,
    summary: <PublicityLook p={p} />,
    consequences: [
      `拟认定名单（${p.entries.length}家）自${formatDate(p.startsOn)}起公示，${formatDate(p.endsOn)}期满；发起后名单和公示期不能修改；认定发文前可撤回公示（须填写理由），撤回后重新发起。`,
      `公示期内受理书面异议；${formatDate(p.endsOn)}公示期满且受理的异议处理完毕后，方可认定发文。`,
      '本批次状态变为“公示中”，本批申报和评审结果此后不能再修改。',
    ],
    ...(p.backdated
      ? {
          reason: {
            label: '开始日期早于今天的理由',
            required: true,
            placeholder: '如：公示已于该日在局网站发布，现补登记录',
          },
        }
      : {}),
  };
}

function PublicityLook({ p }: { p: PublicityPreview }) {
  return (
    <>
      {p.backdated ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="confirm-publicity-backdated"
          title={`公示开始日期${formatDate(p.startsOn)}早于今天（${formatDate(p.today)}），须在下方填写理由，理由记入公示记录和操作日志。`}
        />
      ) : null}
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 8 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label="公示开始">
          <Typography.Text strong data-testid="confirm-publicity-start">
            {formatDate(p.startsOn)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="公示期满">
          <Typography.Text strong data-testid="confirm-publicity-end">
            {formatDate(p.endsOn)}
          </Typography.Text>
          （{p.workingDays}个工作日）
        </Descriptions.Item>
        <Descriptions.Item label="计算方法" span={2}>
          {p.convention}
        </Descriptions.Item>
      </Descriptions>
      {p.calendarWarning ? <Alert type="warning" showIcon title={p.calendarWarning} style={{ marginBottom: 8 }} /> : null}
      <Table
        size="small"
        rowKey="applicationId"
        pagination={false}
        dataSource={p.entries}
        scroll={{ y: 180 }}
        data-testid="confirm-publicity-entries"
        columns={[
          { title: '序号', key: 'no', width: 56, render: (_: unknown, __, i) => i + 1 },
          { title: '申报单位', dataIndex: 'applicantName', ellipsis: true },
          { title: '拟认定中心名称', dataIndex: 'proposedCenterName', ellipsis: true },
        ]}
      />
    </>
  );
}
