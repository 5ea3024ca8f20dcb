import { useRef, useState } from 'react';
import { App, Button, Card, Flex, Radio, Typography } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { desk, fileUrl, uploadFile } from '../../rpc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSettings } from '../../components/SettingsContext';
import { useSubmit } from '../../components/useSubmit';

/** 证书与印章: paper size of the certificates and the seal image placed over the authority and date. */
export function CertificateCard() {
  const { message } = App.useApp();
  const { settings, setSettings } = useSettings();
  const { saving, error, run } = useSubmit();
  const input = useRef<HTMLInputElement>(null);
  const [seal, setSeal] = useState<string | undefined>();
  const sealSha = seal ?? settings?.sealImageSha256;
  const preview = sealSha ? fileUrl(sealSha, '印章.png') : null;

  const setSize = (certificateSize: 'A4-landscape' | 'A3-landscape') =>
    run(async () => {
      setSettings(await desk.call('settings.update', { certificateSize }));
      message.success('证书纸张已保存。');
    });

  const importSeal = (file: File) =>
    run(async () => {
      const { uploadId } = await uploadFile(file);
      const next = await desk.call('settings.setSeal', { uploadId });
      setSettings(next);
      setSeal(next.sealImageSha256);
      message.success('印章图片已导入，打印证书时将压在发证机关和日期上。');
    });

  const clearSeal = () =>
    run(async () => {
      const next = await desk.call('settings.setSeal', { uploadId: null });
      setSettings(next);
      setSeal(undefined);
      message.success('已清除印章图片。');
    });

  return (
    <Card title="证书与印章" size="small">
      <ErrorAlert error={error} title="未能保存" />
      <Flex vertical gap={12}>
        <div>
          <Typography.Text>证书纸张</Typography.Text>
          <div>
            <Radio.Group
              aria-label="证书纸张"
              disabled={!settings || saving}
              value={settings?.certificateSize ?? 'A4-landscape'}
              onChange={(e) => void setSize(e.target.value as 'A4-landscape' | 'A3-landscape')}
              options={[
                { value: 'A4-landscape', label: 'A4 横向' },
                { value: 'A3-landscape', label: 'A3 横向' },
              ]}
            />
          </div>
        </div>
        <div>
          <Typography.Text>印章图片</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: '2px 0 8px', fontSize: 12 }}>
            PNG 或 JPG，建议透明背景的红色公章扫描件；不导入时证书留出盖章位置，打印后人工盖章。
          </Typography.Paragraph>
          <Flex align="center" gap={12}>
            {sealSha ? (
              preview ? (
                <img src={preview} alt="印章预览" style={{ width: 64, height: 64, objectFit: 'contain', border: '1px solid #eee' }} />
              ) : (
                <Typography.Text>已导入</Typography.Text>
              )
            ) : (
              <Typography.Text type="secondary">未导入</Typography.Text>
            )}
            <input
              ref={input}
              type="file"
              accept=".png,.jpg,.jpeg"
              aria-label="选择印章图片"
              style={{ display: 'none' }}
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (f) void importSeal(f);
              }}
            />
            <Button icon={<UploadOutlined />} loading={saving} disabled={!settings} onClick={() => input.current?.click()}>
              导入印章图片
            </Button>
            {sealSha ? (
              <Button danger icon={<DeleteOutlined />} disabled={saving} onClick={() => void clearSeal()}>
                清除
              </Button>
            ) : null}
          </Flex>
        </div>
      </Flex>
    </Card>
  );
}
