import { App, Typography } from 'antd';
import { errorMessage, fileUrl, openStoredFile } from '../rpc';

/** A stored attachment's name as a link: a new tab on the web host, the system viewer in the desktop app. */
export function StoredFileLink({ sha256, name }: { sha256: string; name: string }) {
  const { message } = App.useApp();
  const url = fileUrl(sha256, name);
  return url ? (
    <a href={url} target="_blank" rel="noreferrer" title="在新标签页中打开">
      {name}
    </a>
  ) : (
    <Typography.Link
      title="用系统默认程序打开"
      onClick={() => void openStoredFile(sha256, name).catch((err: unknown) => void message.error(errorMessage(err)))}
    >
      {name}
    </Typography.Link>
  );
}
