import { useState } from 'react';
import { App, Button, List, Typography } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import type { DesignationView } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { formatDate, formatDateTime } from '../../format';
import { ReasonModal } from '../../components/ReasonModal';

/** 撤回公示 (before designation, with a reason): the batch goes back to 评审中 and a new publicity can be started. */
export function WithdrawPublicityButton({ view, onChanged }: { view: DesignationView; onChanged: (v: DesignationView) => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const p = view.publicity;
  if (!p || view.decision) return null;
  return (
    <>
      <Button danger icon={<RollbackOutlined />} onClick={() => setOpen(true)}>
        撤回公示
      </Button>
      <ReasonModal
        open={open}
        title="撤回公示"
        guard="撤回公示"
        intro={`撤回${formatDate(p.startsOn)}起的公示（名单${p.applicationIds.length}家）：批次回到“评审中”，本次公示及其异议记录存档，之后可重新发起公示。认定决定作出后不能再撤回。`}
        label="撤回理由"
        okText="撤回公示"
        danger
        multiline
        errorTitle="未能撤回公示"
        onClose={() => setOpen(false)}
        onSubmit={async (reason) => {
          const next = await desk.call('publicity.withdraw', { batchId: view.batchId, reason });
          setOpen(false);
          onChanged(next);
          message.success('已撤回公示，批次回到“评审中”。');
        }}
      />
    </>
  );
}

/** The withdrawn publicities of the batch: when, who, why (bureau time). */
export function WithdrawnPublicities({ view }: { view: DesignationView }) {
  if (!view.withdrawnPublicities.length) return null;
  return (
    <List
      size="small"
      header={<Typography.Text strong>已撤回的公示</Typography.Text>}
      data-testid="withdrawn-publicities"
      dataSource={view.withdrawnPublicities}
      style={{ marginTop: 12 }}
      renderItem={(w) => (
        <List.Item>
          <Typography.Text>
            {formatDate(w.startsOn)}至{formatDate(w.endsOn)}（名单{w.listed}家{w.objections ? `，异议${w.objections}件` : ''}）——
            {formatDateTime(w.withdrawal.at)} 由{w.withdrawal.by}撤回，理由：{w.withdrawal.reason}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}
