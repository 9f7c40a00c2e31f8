import type { KeyboardEvent } from 'react';

/**
 * Spreadsheet-like movement between the inputs of a bulk-entry grid: Enter or ↓ goes to the same
 * column of the next row that has it (a person's assessment spans their rows), ↑ to the previous
 * one; Tab moves along the row as usual. Each input's wrapper carries data-grid-row and data-grid-col.
 */
export function moveInGrid(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Enter' && event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement;
  if (target instanceof HTMLInputElement && target.type === 'checkbox' && event.key === 'Enter') return;
  const cell = target.closest<HTMLElement>('[data-grid-row]');
  const grid = cell?.closest('[data-grid]');
  if (!cell || !grid) return;
  const row = Number(cell.dataset.gridRow);
  const down = event.key !== 'ArrowUp';
  const cells = [...grid.querySelectorAll<HTMLElement>(`[data-grid-col="${cell.dataset.gridCol}"]`)]
    .map((element) => ({ element, row: Number(element.dataset.gridRow) }))
    .filter((entry) => (down ? entry.row > row : entry.row < row))
    .sort((a, b) => (down ? a.row - b.row : b.row - a.row));
  const next = cells[0]?.element;
  const input = next?.matches('input') ? next : next?.querySelector<HTMLElement>('input');
  if (!input) return;
  event.preventDefault();
  input.focus();
  if (input instanceof HTMLInputElement) input.select();
}
