import type { Prisma } from '@cadre/db';
import type { Viewer } from '../../scope/viewer.ts';

const reviewStages = ['REVIEW', 'APPROVED', 'PUBLISHED', 'ARCHIVED'] as const;

/**
 * Title proposals the viewer may read. Admin, officer, head: nominees (people or units) inside
 * their scope. Council member: the proposals put to their council (a ballot in one of its
 * sessions), and nominees inside their councils' scope once the cycle reaches REVIEW or has a
 * session of their council. Staff: proposals naming themselves.
 */
export function buildProposalsWhere(options: { viewer: Viewer }): Prisma.TitleProposalWhereInput {
  const { viewer } = options;
  const nominee = (unitIds: string[]): Prisma.TitleProposalWhereInput => ({
    OR: [{ person: { unitId: { in: unitIds } } }, { unitId: { in: unitIds } }],
  });
  switch (viewer.role) {
    case 'ADMIN':
    case 'OFFICER':
    case 'UNIT_HEAD':
      return viewer.unitIds === null ? {} : nominee(viewer.unitIds);
    case 'COUNCIL_MEMBER':
      return {
        OR: [
          { ballots: { some: { session: { councilId: { in: viewer.councilIds } } } } },
          {
            AND: [
              nominee(viewer.councilUnitIds),
              {
                cycle: {
                  OR: [
                    { status: { in: [...reviewStages] } },
                    { sessions: { some: { councilId: { in: viewer.councilIds } } } },
                  ],
                },
              },
            ],
          },
        ],
      };
    default:
      return viewer.personId ? { personId: viewer.personId } : { id: { in: [] } };
  }
}

/** Council sessions (and their ballots): members of the council, and admins/officers over its scope. */
export function buildSessionsWhere(options: { viewer: Viewer }): Prisma.CouncilSessionWhereInput {
  const { viewer } = options;
  switch (viewer.role) {
    case 'ADMIN':
    case 'OFFICER':
      return viewer.unitIds === null ? {} : { council: { scopeUnitId: { in: viewer.unitIds } } };
    case 'COUNCIL_MEMBER':
      return { councilId: { in: viewer.councilIds } };
    default:
      return { id: { in: [] } };
  }
}

export function buildCouncilsWhere(options: { viewer: Viewer }): Prisma.CouncilWhereInput {
  const { viewer } = options;
  switch (viewer.role) {
    case 'ADMIN':
    case 'OFFICER':
      return viewer.unitIds === null ? {} : { scopeUnitId: { in: viewer.unitIds } };
    case 'COUNCIL_MEMBER':
      return { id: { in: viewer.councilIds } };
    default:
      return { id: { in: [] } };
  }
}
