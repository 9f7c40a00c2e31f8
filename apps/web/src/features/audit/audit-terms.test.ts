// The audit log's words: every action and entity the API writes has them in both languages (read
// from the API's own source, so a new action without words fails here), and values read as words.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import type { Translate } from '../../i18n/i18n-context.tsx';
import { translate } from '../../i18n/i18n-context.tsx';
import { vi } from '../../i18n/vi.ts';
import { formatDateTime } from '../../lib/format.ts';
import {
  auditEntities,
  describeAction,
  describeEntity,
  describeField,
  describeValue,
  readingOrder,
} from './audit-terms.ts';

const apiSource = fileURLToPath(new URL('../../../../api/src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** What the API writes to the log: the literals (and named constants) given to writeAudit's action and entity. */
function writtenByTheApi(): { actions: Set<string>; entities: Set<string> } {
  const files = sourceFiles(apiSource).map((path) => readFileSync(path, 'utf8'));
  const constants = new Map<string, string>();
  for (const text of files) {
    for (const match of text.matchAll(/const (\w+)\s*=\s*'([A-Za-z_]+)'/g))
      constants.set(match[1] ?? '', match[2] ?? '');
  }
  const actions = new Set<string>();
  const entities = new Set<string>();
  for (const text of files.filter((file) => file.includes('writeAudit('))) {
    for (const [, expression = ''] of text.matchAll(/\baction:\s*([^,\n]+)/g)) {
      // a conditional action (`closed ? 'correctPeriod' : 'recordPeriodResults'`) writes either branch
      const branches = expression.search(/\s\?\s/);
      const written = branches >= 0 ? expression.slice(branches) : expression;
      const literals = [...written.matchAll(/'([A-Za-z_]+)'/g)].map((match) => match[1] ?? '');
      if (literals.length > 0) for (const literal of literals) actions.add(literal);
      else {
        const named = constants.get(expression.trim());
        if (named) actions.add(named);
        else if (!/^(row|options)\.action$/.test(expression.trim()) && expression.trim() !== 'string;')
          throw new Error(`cannot read the audit action written as ${expression}`);
      }
    }
    for (const [, entity = ''] of text.matchAll(/\bentity:\s*'([A-Za-z]+)'/g)) entities.add(entity);
  }
  return { actions, entities };
}

const tVi: Translate = (key, values) => translate(vi, key, values);
const tEn: Translate = (key, values) => translate(en, key, values);

describe('the audit log in words', () => {
  const written = writtenByTheApi();

  it('finds the API’s actions, computed ones included', () => {
    expect(written.actions.size).toBeGreaterThan(40);
    for (const action of [
      'reviewFlag',
      'writeEvaluation',
      'logoutEverywhere',
      'recordPeriodResults',
      'reviewCalibration',
      'ISSUE_DOCUMENT',
    ]) {
      expect(written.actions, action).toContain(action);
    }
  });

  it('has Vietnamese and English words for every action the API writes', () => {
    const missing = [...written.actions].filter(
      (action) => !(`audit.action.${action}` in vi) || !(`audit.action.${action}` in en),
    );
    expect(missing).toEqual([]);
    expect(describeAction(tVi, 'reviewFlag')).toBe('Xem xét cảnh báo');
    expect(describeAction(tVi, 'writeEvaluation')).toBe('Ghi kết quả đánh giá');
    expect(describeAction(tEn, 'reviewFlag')).toBe('Review a flag');
  });

  it('names every entity the API writes, and offers each in the filter', () => {
    const missing = [...written.entities].filter(
      (entity) => !(`audit.entity.${entity}` in vi) || !(`audit.entity.${entity}` in en),
    );
    expect(missing).toEqual([]);
    const auditedRows = [...written.entities].filter(
      (entity) => !['Task', 'PeriodAssessment'].includes(entity),
    );
    expect([...auditEntities].sort()).toEqual(expect.arrayContaining(auditedRows.sort()));
    expect(describeEntity(tVi, 'Person')).toBe('Cán bộ');
    expect(describeEntity(tVi, 'EvaluationResult')).toBe('Kết quả đánh giá');
    expect(describeEntity(tVi, 'TitleProposal')).toBe('Đề nghị danh hiệu');
  });

  it('falls back to the code itself for an action, entity or field it has no words for', () => {
    expect(describeAction(tVi, 'archiveEverything')).toBe('archiveEverything');
    expect(describeEntity(tVi, 'Spaceship')).toBe('Spaceship');
    expect(describeField(tVi, 'Flag', 'warpFactor')).toBe('warpFactor');
    expect(describeValue(tVi, 'Flag', 'review', 'CONFIRMED')).toBe('CONFIRMED');
  });

  it('names the common fields, a proposal’s title as the title it proposes', () => {
    expect(describeField(tVi, 'ImportBatch', 'cycleId')).toBe('Kỳ đánh giá');
    expect(describeField(tVi, 'ImportBatch', 'fileName')).toBe('Tên tệp');
    expect(describeField(tVi, 'EvaluationResult', 'finalRating')).toBe('Xếp loại quyết định');
    expect(describeField(tVi, 'TitleProposal', 'title')).toBe('Danh hiệu');
    expect(describeField(tVi, 'IssuedDocument', 'title')).toBe('Tiêu đề');
    expect(describeField(tEn, 'ImportBatch', 'fileName')).toBe('File name');
  });

  it('says codes with the words the rest of the app uses for them', () => {
    expect(describeValue(tVi, 'EvaluationResult', 'finalRating', 'EXCELLENT')).toBe(
      'Hoàn thành xuất sắc nhiệm vụ',
    );
    expect(describeValue(tVi, 'Appeal', 'requested', 'GOOD')).toBe('Hoàn thành tốt nhiệm vụ');
    expect(describeValue(tVi, 'Flag', 'review', 'ACCEPTED')).toBe('Đã chấp nhận');
    expect(describeValue(tVi, 'Flag', 'kind', 'STREAMLINING')).toBe('Tinh giản biên chế');
    expect(describeValue(tVi, 'Cycle', 'status', 'REVIEW')).toBe('Hội đồng xem xét');
    expect(describeValue(tVi, 'Appeal', 'status', 'UNDER_REVIEW')).toBe('Đang giải quyết');
    expect(describeValue(tVi, 'TitleProposal', 'status', 'WITHDRAWN')).toBe('Đã rút');
    expect(describeValue(tVi, 'TitleProposal', 'title', 'CSTDCS')).toBe('Chiến sĩ thi đua cơ sở');
    expect(describeValue(tVi, 'ImportBatch', 'kind', 'TASKS')).toBe('Nhiệm vụ được giao');
    expect(describeValue(tVi, 'User', 'role', 'OFFICER')).toBe('Cán bộ tổ chức – nhân sự');
    expect(describeValue(tVi, 'Person', 'gender', 'FEMALE')).toBe('Nữ');
    expect(describeValue(tVi, 'Unit', 'kind', 'DISTRICT')).toBe(vi['unitKind.DISTRICT']);
    expect(describeValue(tEn, 'EvaluationResult', 'finalRating', 'EXCELLENT')).toBe(en['rating.EXCELLENT']);
  });

  it('shows instants in Vietnam’s time, calendar days as days, and other values plainly', () => {
    expect(describeValue(tVi, 'Session', 'expiresAt', '2026-12-01T17:30:00.000Z')).toBe(
      formatDateTime('2026-12-01T17:30:00.000Z'),
    );
    expect(describeValue(tVi, 'Session', 'expiresAt', '2026-12-01T17:30:00.000Z')).toBe('02/12/2026 00:30');
    expect(describeValue(tVi, 'Person', 'birthDate', '1980-05-04T00:00:00.000Z')).toBe('04/05/1980');
    expect(describeValue(tVi, 'Task', 'dueOn', '2026-12-15')).toBe('15/12/2026');
    expect(describeValue(tVi, 'ImportBatch', 'rows', 1234)).toBe('1.234');
    expect(describeValue(tVi, 'User', 'active', false)).toBe('Không');
    expect(describeValue(tVi, 'Flag', 'reason', null)).toBe('–');
    expect(describeValue(tVi, 'Flag', 'reason', 'Đủ căn cứ')).toBe('Đủ căn cứ');
    expect(describeValue(tVi, 'TitleDecision', 'proposalIds', ['p1', 'p2'])).toBe('p1, p2');
    expect(describeValue(tVi, 'Unit', 'changes', [{ id: 't1' }, { id: 't2' }])).toBe('2 mục');
  });

  it('reads the meaningful fields before the bookkeeping', () => {
    expect(readingOrder(['id', 'version', 'finalRating', 'reason'])).toEqual([
      'finalRating',
      'reason',
      'id',
      'version',
    ]);
  });
});
