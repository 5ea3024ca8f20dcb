import { Tag, Tooltip, Typography } from 'antd';
import type { Center } from '../../../electron/core/contract/index.js';
import { formatDate } from '../../format';
import { CENTER_STATUS_COLORS, CENTER_STATUS_LABELS } from '../../components/designationLabels';

const small = { fontSize: 12, display: 'block', whiteSpace: 'nowrap' } as const;

/** A center's status tag with what it means: 整改期限, or (revoked) 证书已失效 and 牌匾已收回 (dates on hover). */
export function CenterStatusCell({ center: c }: { center: Center }) {
  return (
    <div data-testid="center-status">
      <Tag color={CENTER_STATUS_COLORS[c.status]}>{CENTER_STATUS_LABELS[c.status]}</Tag>
      {c.status === 'rectifying' && c.rectifyDeadline ? (
        <Tooltip title="整改期满时复核">
          <div>
            <Typography.Text type="warning" style={small}>
              整改期限
            </Typography.Text>
            <Typography.Text type="warning" style={small}>
              {formatDate(c.rectifyDeadline)}
            </Typography.Text>
          </div>
        </Tooltip>
      ) : null}
      {c.certificateEndedOn ? (
        <Tooltip title={`证书自${formatDate(c.certificateEndedOn)}起失效`}>
          <Typography.Text type="danger" style={small}>
            证书已失效
          </Typography.Text>
        </Tooltip>
      ) : null}
      {c.plaqueWithdrawn ? (
        <Tooltip title={`牌匾于${formatDate(c.plaqueWithdrawn.on)}收回`}>
          <Typography.Text type="secondary" style={small}>
            牌匾已收回
          </Typography.Text>
        </Tooltip>
      ) : null}
    </div>
  );
}
