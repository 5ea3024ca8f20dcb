/**
 * Tab goes from field to field, never to the clear (×) buttons antd puts inside a field, nor to the magnifier of a
 * search box (Enter in the box searches). antd 6 renders those as real <button>s with no way to pass a tabIndex
 * (Select `-clear`, Input/TextArea `-clear-icon`, DatePicker `-clear`, Input.Search `-btn`), so a fast typist's
 * next entry went into the × after each dropdown. One observer for the whole page takes them out of the Tab order;
 * the mouse still clears, and Backspace/Delete clear from the keyboard.
 */
export const SKIPPED_BUTTONS = '.ant-select-clear, .ant-input-clear-icon, .ant-picker-clear, .ant-input-search-btn';

function skip(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>(SKIPPED_BUTTONS)) if (el.tabIndex !== -1) el.tabIndex = -1;
}

/** Installs the observer once (main.tsx); returns its disconnect. */
export function skipClearButtonsInTabOrder(doc: Document = document): () => void {
  skip(doc);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) {
        if (!(node instanceof HTMLElement)) continue;
        if (node.matches(SKIPPED_BUTTONS)) node.tabIndex = -1;
        skip(node);
      }
    }
  });
  observer.observe(doc.body, { childList: true, subtree: true });
  return () => observer.disconnect();
}
