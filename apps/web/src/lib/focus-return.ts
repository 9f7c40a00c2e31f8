import { useEffect, useState } from 'react';

/**
 * For a modal or drawer that is mounted only while open: Ant Design gives focus back to what opened
 * it at the end of its closing animation, which never comes when the dialog is unmounted at once, so
 * focus (after Escape, Cancel or Save) would fall to the page's body. This gives it back to the
 * control that opened the dialog, or to the main content when that control is gone.
 */
export function useFocusReturn(): void {
  // read while rendering, before the dialog takes focus
  const [opener] = useState(() =>
    typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null),
  );
  useEffect(
    () => () => {
      // after the dialog's nodes are gone
      setTimeout(() => {
        const active = document.activeElement;
        if (active && active !== document.body && active.isConnected) return;
        const target =
          opener?.isConnected && opener !== document.body ? opener : document.getElementById('main-content');
        target?.focus({ preventScroll: true });
      }, 0);
    },
    [opener],
  );
}
