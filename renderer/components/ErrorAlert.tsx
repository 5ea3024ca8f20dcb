import { Alert, Button } from 'antd';
import { errorMessage } from '../rpc';

interface Props {
  error: unknown;
  /** Heading above the message, e.g. “保存失败”. */
  title?: string;
  onRetry?: () => void;
  onClose?: () => void;
}

/** An API (or other) error as a Chinese alert; renders nothing when there is no error. */
export function ErrorAlert({ error, title = '操作未完成', onRetry, onClose }: Props) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={errorMessage(error)}
      style={{ marginBottom: 16 }}
      {...(onClose ? { closable: { onClose } } : {})}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
    />
  );
}
