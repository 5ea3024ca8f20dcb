import { useRef } from 'react';
import { Modal } from 'antd';
import { PdfPreview, type PdfSource } from './PdfPreview';

/** A large dialog around PdfPreview; Esc or × closes it, and the pages take the focus so PageUp/PageDown work at once. */
export function PdfPreviewModal({ title, source, onClose }: { title: string; source: PdfSource | null; onClose: () => void }) {
  const body = useRef<HTMLDivElement>(null);
  // Dialog top margin (16), header (≈56), body padding and a bottom margin: the rest of the window is the preview.
  const height = Math.max(320, window.innerHeight - 150);
  return (
    <Modal
      open={source !== null}
      title={title}
      onCancel={onClose}
      footer={null}
      width="min(1100px, calc(100vw - 48px))"
      style={{ top: 16, paddingBottom: 0 }}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (open) body.current?.querySelector<HTMLElement>('[data-testid="pdf-pages"]')?.focus();
      }}
    >
      <div ref={body}>{source ? <PdfPreview source={source} height={height} /> : null}</div>
    </Modal>
  );
}
