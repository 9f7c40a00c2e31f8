import { useEffect } from 'react';

// Ant Design's tables scroll inside their own boxes (a fixed header's body, a wide table's content);
// someone on the keyboard can only scroll such a box once it takes focus, and a screen reader
// announces it by name. Those boxes are not ours to render, so they are found and marked here.
const scrollBoxes = '.ant-table-body, .ant-table-content';

function scrolls(element: HTMLElement): boolean {
  const style = getComputedStyle(element);
  return [style.overflowX, style.overflowY].some((value) => value === 'auto' || value === 'scroll');
}

/** The name of a table's scroll box: its card's title, else the page's heading. */
function nameOf(box: HTMLElement, root: HTMLElement): string {
  const card = box.closest('.ant-card')?.querySelector('.ant-card-head-title')?.textContent?.trim();
  return card || root.querySelector('h1')?.textContent?.trim() || document.title;
}

export function markScrollRegions(root: HTMLElement): void {
  const boxes = [...root.querySelectorAll<HTMLElement>(scrollBoxes)].filter(scrolls);
  const names = boxes.map((box) => nameOf(box, root));
  boxes.forEach((box, index) => {
    // two boxes of one name are told apart by their order
    const repeated = names.filter((name) => name === names[index]).length > 1;
    const name = repeated
      ? `${names[index]} (${names.slice(0, index + 1).filter((n) => n === names[index]).length})`
      : names[index];
    if (box.tabIndex !== 0) box.tabIndex = 0;
    if (box.getAttribute('role') !== 'region') box.setAttribute('role', 'region');
    if (name && box.getAttribute('aria-label') !== name) box.setAttribute('aria-label', name);
  });
}

/** Keeps every table scroll box under `root` focusable and named while the page changes. */
export function useScrollRegions(element: HTMLElement | null): void {
  useEffect(() => {
    if (!element) return;
    markScrollRegions(element);
    // once a frame at most; attributes set here are not child changes, so this does not wake itself
    let frame = 0;
    const observer = new MutationObserver(() => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        markScrollRegions(element);
      });
    });
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [element]);
}
