import type { Prisma } from '@cadre/db';
import type { TypedRow } from '../convert-rows.ts';
import { column, type ImportKindDefinition, int, personCode, text } from '../import-kind.ts';
import { findInChunks, num, prepareEvidence, str } from '../prepare-import.ts';

const sourceOf = (row: TypedRow) => (str(row.values.source) ?? 'ALL').toUpperCase();

/** Citizens' satisfaction votes about a person in the cycle: one row per person and source. */
export const citizenVotesImport: ImportKindDefinition = {
  kind: 'CITIZEN_VOTES',
  slug: 'citizen-votes',
  title: 'Đánh giá của người dân',
  needsCycle: true,
  columns: [
    personCode,
    column('source', 'Nguồn', text(50), 'KIOSK'),
    column('verySatisfied', 'Rất hài lòng', int, '150'),
    column('satisfied', 'Hài lòng', int, '60'),
    column('dissatisfied', 'Không hài lòng', int, '3'),
  ],
  prepare(options) {
    const { prisma } = options;
    const cycleId = options.cycle?.id ?? '';
    return prepareEvidence<Prisma.CitizenVoteCreateManyInput>(options, {
      keyOf: (personId, row) => `v|${personId}|${sourceOf(row)}`,
      keyField: 'Nguồn',
      existingKeys: async (personIds) =>
        (
          await findInChunks(personIds, (ids) =>
            prisma.citizenVote.findMany({
              where: { cycleId, personId: { in: ids } },
              select: { personId: true, source: true },
            }),
          )
        ).map((row) => `v|${row.personId}|${row.source}`),
      build: (personId, row) => ({
        cycleId,
        personId,
        importBatchId: options.batchId,
        source: sourceOf(row),
        verySatisfied: num(row.values.verySatisfied) ?? 0,
        satisfied: num(row.values.satisfied) ?? 0,
        dissatisfied: num(row.values.dissatisfied) ?? 0,
      }),
      table: 'CitizenVote',
    });
  },
};
