import { Tag, Tooltip, Typography } from 'antd';
import type { Center } from '../../../electron/core/contract/index.js';
import { formatDate, todayIso } from '../../format';
import { CENTER_STATUS_COLORS, CENTER_STATUS_LABELS } from '../../components/designationLabels';
import { plaqueReturnOf } from '../../../electron/core/domain/review-cycle.js';

const small = { fontSize: 12, display: 'block', whiteSpace: 'nowrap' } as const;

/**
 * A center's status tag with what it means: 整改期限, or (revoked) 证书已失效 and the plaque: 待收回 with its
 * deadline until the return is recorded (牌匾收回登记), then 牌匾已收回 (dates on hover).
 */
export function CenterStatusCell({ center: c }: { center: Center }) {
  const plaque = plaqueReturnOf(c);
  const overdue = !!plaque && !plaque.returnedOn && todayIso() > plaque.dueOn;
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
      {plaque?.returnedOn ? (
        <Tooltip title={`牌匾于${formatDate(plaque.returnedOn)}收回${plaque.note ? `（${plaque.note}）` : ''}`}>
          <Typography.Text type="secondary" style={small} data-testid="plaque-state">
            牌匾已收回
          </Typography.Text>
        </Tooltip>
      ) : plaque ? (
        <Tooltip title={`依托单位须于${formatDate(plaque.dueOn)}前交回牌匾；收回后请登记。`}>
          <div data-testid="plaque-state">
            <Typography.Text type={overdue ? 'danger' : 'warning'} style={small}>
              {overdue ? '牌匾逾期未收回，期限' : '牌匾待收回，期限'}
            </Typography.Text>
            <Typography.Text type={overdue ? 'danger' : 'warning'} style={small}>
              {formatDate(plaque.dueOn)}
            </Typography.Text>
          </div>
        </Tooltip>
      ) : null}
    </div>
  );
}
