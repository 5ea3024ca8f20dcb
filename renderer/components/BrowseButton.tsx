import { useState } from 'react';
import { Button } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { PathPickerModal, type PickKind } from './PathPickerModal';

interface Props {
  pick: PickKind;
  /** File endings offered when picking a file, e.g. ['.zip']. */
  extensions?: string[];
  /** The path typed so far: the picker starts there. */
  value: string;
  /** Fills the field; the card's own action still waits for the clerk's click. */
  onPick: (path: string) => void;
  disabled?: boolean;
}

/** 浏览…: the button after a path field that opens the in-app picker (folders and files on this computer). */
export function BrowseButton({ pick, extensions, value, onPick, disabled }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<FolderOpenOutlined />} onClick={() => setOpen(true)} disabled={disabled}>
        浏览…
      </Button>
      <PathPickerModal
        open={open}
        pick={pick}
        extensions={extensions}
        initialPath={value}
        onClose={() => setOpen(false)}
        onPick={(path) => {
          setOpen(false);
          onPick(path);
        }}
      />
    </>
  );
}
