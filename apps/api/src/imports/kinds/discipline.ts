import type { DisciplineForm, Prisma } from '@cadre/db';
import { disciplineLabels } from '../../exports/labels.ts';
import { bool, column, date, enumOf, type ImportKindDefinition, personCode, text } from '../import-kind.ts';
import { dateKey, day, findInChunks, flag, num, prepareEvidence, str } from '../prepare-import.ts';

const keyOf = (personId: string, form: string, decidedOn: Date | null, number: string | null) =>
  `k|${personId}|${form}|${dateKey(decidedOn)}|${number ?? ''}`;

/** Disciplinary decisions about a person (any year); the same decision recorded twice is refused. */
export const disciplineImport: ImportKindDefinition = {
  kind: 'DISCIPLINE',
  slug: 'discipline',
  title: 'Quyết định kỷ luật',
  needsCycle: false,
  columns: [
    personCode,
    column('form', 'Hình thức kỷ luật', enumOf(disciplineLabels), 'Khiển trách', true),
    column('number', 'Số quyết định', text(100), '12/QĐ-SNV'),
    column('decidedOn', 'Ngày quyết định', date, '12/05/2026', true),
    column('actYear', 'Năm xảy ra vi phạm', { kind: 'int', min: 1990 }, '2026', true),
    column('concernsDuties', 'Liên quan đến thực thi nhiệm vụ', bool, 'Có'),
    column('alreadyCountedInYear', 'Đã tính khi xếp loại năm', { kind: 'int', min: 1990 }, ''),
    column('reason', 'Lý do', text(2000), 'Vi phạm quy chế làm việc'),
  ],
  prepare(options) {
    const { prisma } = options;
    return prepareEvidence<Prisma.DisciplineDecisionCreateManyInput>(options, {
      keyOf: (personId, row) =>
        keyOf(personId, str(row.values.form) ?? '', day(row.values.decidedOn), str(row.values.number)),
      keyField: 'Số quyết định',
      existingKeys: async (personIds) =>
        (
          await findInChunks(personIds, (ids) =>
            prisma.disciplineDecision.findMany({
              where: { personId: { in: ids } },
              select: { personId: true, form: true, decidedOn: true, number: true },
            }),
          )
        ).map((row) => keyOf(row.personId, row.form, row.decidedOn, row.number)),
      check: (row) => {
        const decidedOn = day(row.values.decidedOn);
        const actYear = num(row.values.actYear);
        return decidedOn && actYear !== null && actYear > decidedOn.getUTCFullYear()
          ? [
              {
                row: row.row,
                field: 'Năm xảy ra vi phạm',
                value: String(actYear),
                message: 'Năm vi phạm sau ngày quyết định / the act cannot follow the decision',
              },
            ]
          : [];
      },
      build: (personId, row) => ({
        personId,
        importBatchId: options.batchId,
        form: row.values.form as DisciplineForm,
        number: str(row.values.number),
        decidedOn: day(row.values.decidedOn) ?? new Date(0),
        actYear: num(row.values.actYear) ?? 0,
        concernsDuties: flag(row.values.concernsDuties) ?? true,
        alreadyCountedInYear: num(row.values.alreadyCountedInYear),
        reason: str(row.values.reason),
      }),
      table: 'DisciplineDecision',
    });
  },
};
