import type { KeyboardEvent } from 'react';

/**
 * Spreadsheet-like movement between the inputs of a bulk-entry grid: Enter or ↓ goes to the same
 * column of the next row, ↑ to the previous row (Tab moves along the row as usual). Each input
 * carries data-grid-row and data-grid-col.
 */
export function moveInGrid(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Enter' && event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement;
  const cell = target.closest<HTMLElement>('[data-grid-row]');
  if (!cell) return;
  const row = Number(cell.dataset.gridRow);
  const col = cell.dataset.gridCol;
  const next = row + (event.key === 'ArrowUp' ? -1 : 1);
  const grid = cell.closest('[data-grid]');
  const found = grid?.querySelector<HTMLElement>(`[data-grid-row="${next}"][data-grid-col="${col}"]`);
  const input = found?.matches('input') ? found : found?.querySelector<HTMLElement>('input');
  if (!input) return;
  event.preventDefault();
  input.focus();
  if (input instanceof HTMLInputElement) input.select();
}
