import { type InitiativeKind, type InitiativeScope, type Prisma, toSearchText } from '@cadre/db';
import { initiativeKindLabels, initiativeScopeLabels } from '../../exports/labels.ts';
import { column, date, enumOf, type ImportKindDefinition, personCode, text } from '../import-kind.ts';
import { dateKey, day, findInChunks, prepareEvidence, str } from '../prepare-import.ts';

const keyOf = (personId: string, title: string, on: Date | null) =>
  `s|${personId}|${toSearchText(title)}|${dateKey(on)}`;

/** Recognised initiatives and studies of a person; the same title recognised on the same day is refused twice. */
export const initiativesImport: ImportKindDefinition = {
  kind: 'INITIATIVES',
  slug: 'initiatives',
  title: 'Sáng kiến, đề tài',
  needsCycle: false,
  columns: [
    personCode,
    column('kind', 'Loại', enumOf(initiativeKindLabels), 'Sáng kiến'),
    column('title', 'Tên sáng kiến, đề tài', text(1000), 'Số hóa quy trình tiếp nhận hồ sơ', true),
    column('scope', 'Phạm vi ảnh hưởng', enumOf(initiativeScopeLabels), 'Cơ sở', true),
    column('recognizedOn', 'Ngày công nhận', date, '01/10/2026', true),
    column('decisionNumber', 'Số quyết định công nhận', text(100), '45/QĐ-HĐSK'),
  ],
  prepare(options) {
    const { prisma } = options;
    return prepareEvidence<Prisma.InitiativeCreateManyInput>(options, {
      keyOf: (personId, row) => keyOf(personId, str(row.values.title) ?? '', day(row.values.recognizedOn)),
      keyField: 'Tên sáng kiến, đề tài',
      existingKeys: async (personIds) =>
        (
          await findInChunks(personIds, (ids) =>
            prisma.initiative.findMany({
              where: { personId: { in: ids } },
              select: { personId: true, title: true, recognizedOn: true },
            }),
          )
        ).map((row) => keyOf(row.personId, row.title, row.recognizedOn)),
      build: (personId, row) => ({
        personId,
        kind: (str(row.values.kind) as InitiativeKind | null) ?? 'INITIATIVE',
        title: str(row.values.title) ?? '',
        scope: row.values.scope as InitiativeScope,
        recognizedOn: day(row.values.recognizedOn) ?? new Date(0),
        decisionNumber: str(row.values.decisionNumber),
      }),
      table: 'Initiative',
    });
  },
};
