import { describe, expect, it } from 'vitest';
import { convertCell } from './convert-rows.ts';
import { importKinds } from './import-kinds.ts';

const weight = importKinds.TASKS.columns.find((column) => column.key === 'weight');

describe('converting a cell of a number column', () => {
  it('reads decimal figures written with a point or a comma', () => {
    if (!weight) throw new Error('the task import has no weight column');
    expect(convertCell(weight, '1,5')).toEqual({ value: 1.5 });
    expect(convertCell(weight, ' 2.25 ')).toEqual({ value: 2.25 });
    expect(convertCell(weight, 3)).toEqual({ value: 3 });
  });

  it('refuses what only a programming language reads as a number', () => {
    if (!weight) throw new Error('the task import has no weight column');
    for (const text of ['0x10', '0b1', '0o7', 'Infinity', '1_000', '١٢', '1,5,0']) {
      expect(convertCell(weight, text), text).toMatchObject({
        error: { messageKey: 'import.cell.notNumber', messageParams: { value: text } },
      });
    }
  });
});
