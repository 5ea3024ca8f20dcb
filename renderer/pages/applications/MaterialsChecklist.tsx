import { useRef, useState } from 'react';
import { Alert, App, Button, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { Application, FileRef } from '../../../electron/core/contract/index.js';
import { desk, errorMessage, uploadFile } from '../../rpc';
import { formatDateTime, formatSize } from '../../format';
import { canEdit } from './lists';
import { useChoiceLists, type MaterialSpec } from '../../components/useChoiceLists';
import { StoredFileLink } from '../../components/StoredFileLink';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';

interface Props {
  application: Application;
  missing: number[];
  onChanged: () => void;
}

function FileLine({ file, editable, onRemove }: { file: FileRef; editable: boolean; onRemove: () => void }) {
  return (
    <Flex align="center" gap={8} style={{ padding: '2px 0' }} data-testid="material-file">
      <PaperClipOutlined style={{ color: '#8c8c8c' }} />
      <StoredFileLink sha256={file.sha256} name={file.name} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatSize(file.size)} · {file.kind.toUpperCase()} · {formatDateTime(file.addedAt)}
      </Typography.Text>
      {editable ? (
        <Popconfirm title={`移除文件“${file.name}”？`} okText="移除" cancelText="取消" onConfirm={onRemove}>
          <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`移除${file.name}`} />
        </Popconfirm>
      ) : null}
    </Flex>
  );
}

function MaterialRow({
  spec,
  application,
  isMissing,
  onChanged,
}: {
  spec: MaterialSpec;
  application: Application;
  isMissing: boolean;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const files = application.materials.find((m) => m.no === spec.no)?.files ?? [];
  const editable = canEdit(application.status);

  async function attach(list: FileList | null): Promise<void> {
    if (!list?.length) return;
    setBusy(true);
    setProblem(null);
    const refused: string[] = [];
    for (const file of Array.from(list)) {
      try {
        const { uploadId } = await uploadFile(file);
        await desk.call('applications.attachFile', { applicationId: application.id, itemNo: spec.no, uploadId, fileName: file.name });
      } catch (err) {
        refused.push(errorMessage(err));
      }
    }
    if (input.current) input.current.value = '';
    setBusy(false);
    if (refused.length) setProblem(refused.join(' '));
    if (refused.length < list.length) message.success(`已添加到第${spec.no}项“${spec.title}”。`);
    onChanged();
  }

  async function remove(file: FileRef): Promise<void> {
    try {
      await desk.call('applications.removeFile', { applicationId: application.id, itemNo: spec.no, sha256: file.sha256 });
      onChanged();
    } catch (err) {
      message.error({ content: errorMessage(err), duration: 8 });
    }
  }

  return (
    <List.Item
      data-testid={`material-${spec.no}`}
      style={{
        display: 'block',
        background: isMissing ? '#fff7f6' : undefined,
        borderLeft: `3px solid ${isMissing ? '#cf1322' : 'transparent'}`,
        padding: '10px 12px',
      }}
    >
      <Flex justify="space-between" align="flex-start" gap={12}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>
            {spec.no}. {spec.title}
          </Typography.Text>
          {isMissing ? (
            <Tag color="red" style={{ marginLeft: 8 }}>
              缺
            </Tag>
          ) : (
            <Tag color="green" style={{ marginLeft: 8 }}>
              {files.length}个文件
            </Tag>
          )}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 2 }}>
            {spec.hint}
          </Typography.Text>
        </div>
        {editable ? (
          <>
            <input
              ref={input}
              type="file"
              multiple
              accept={ACCEPT}
              hidden
              aria-label={`上传第${spec.no}项材料`}
              onChange={(e) => void attach(e.target.files)}
            />
            <Button size="small" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
              上传文件
            </Button>
          </>
        ) : null}
      </Flex>
      {files.length ? (
        <div style={{ marginTop: 6 }}>
          {files.map((f) => (
            <FileLine key={f.sha256} file={f} editable={editable} onRemove={() => void remove(f)} />
          ))}
        </div>
      ) : null}
      {problem ? (
        <Alert
          type="error"
          showIcon
          title={problem}
          role="alert"
          closable={{ onClose: () => setProblem(null) }}
          style={{ marginTop: 8 }}
          data-testid="upload-error"
        />
      ) : null}
    </List.Item>
  );
}

/** 申报材料: the seven items, each with its files; missing items are marked “缺”. */
export function MaterialsChecklist({ application, missing, onChanged }: Props) {
  const { materials } = useChoiceLists();
  return (
    <>
      <Alert
        type={missing.length ? 'warning' : 'success'}
        showIcon
        title={missing.length ? `尚缺${missing.length}项材料：${missing.map((n) => `第${n}项`).join('、')}` : '七项申报材料均已收取。'}
        description={
          canEdit(application.status)
            ? '可上传 PDF、JPG、PNG、DOCX、XLSX 文件，单个文件不超过50 MB；系统按文件内容核对类型。'
            : '该申报当前不能修改材料。'
        }
        style={{ marginBottom: 12 }}
      />
      <List
        bordered
        size="small"
        dataSource={[...materials]}
        renderItem={(spec) => (
          <MaterialRow key={spec.no} spec={spec} application={application} isMissing={missing.includes(spec.no)} onChanged={onChanged} />
        )}
      />
    </>
  );
}
