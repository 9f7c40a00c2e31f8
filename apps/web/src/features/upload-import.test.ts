import { describe, expect, it } from 'vitest';
import { templateUrl } from './upload-import.ts';

describe('import templates', () => {
  it('names each kind the way the API routes them', () => {
    expect(templateUrl('CITIZEN_VOTES')).toBe('/api/import/templates/citizen-votes.xlsx');
    expect(templateUrl('TASKS', 'csv')).toBe('/api/import/templates/tasks.csv');
  });
});
