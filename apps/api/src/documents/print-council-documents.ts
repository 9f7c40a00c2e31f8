import type { PrismaClient } from '@cadre/db';
import { findVisibleCycle } from '../domains/cycles/cycle-access.ts';
import { NotFoundError } from '../errors.ts';
import type { Viewer } from '../scope/viewer.ts';
import { councilAgencyBlock } from './agency.ts';
import {
  buildBallotCountDocument,
  buildCouncilMinutesDocument,
  type CouncilSessionData,
} from './council-minutes.ts';
import { loadIssuer } from './issuer.ts';
import type { OfficialDocument } from './layout.ts';

// Biên bản họp and Biên bản kiểm phiếu of a council session, for the council's members and the
// cycle's managers. Read from counts only: the ballots' votes carry no voter, and who took part
// (BallotParticipation) is used for presence, never joined to a choice.

export async function printSessionDocument(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  sessionId: string;
  kind: 'minutes' | 'ballot-count';
}): Promise<{ fileName: string; document: OfficialDocument }> {
  const { prisma, viewer } = options;
  const session = await prisma.councilSession.findUnique({
    where: { id: options.sessionId },
    include: {
      council: {
        select: {
          name: true,
          scopeUnitId: true,
          members: {
            select: {
              id: true,
              role: true,
              active: true,
              user: { select: { displayName: true, person: { select: { fullName: true } } } },
            },
          },
        },
      },
      ballots: {
        orderBy: { openedAt: 'asc' },
        select: {
          members: true,
          forCount: true,
          againstCount: true,
          abstainCount: true,
          thresholdPercent: true,
          result: true,
          participations: { select: { memberId: true } },
          recusals: { select: { memberId: true } },
          proposal: {
            select: {
              title: true,
              person: { select: { fullName: true, unit: { select: { name: true } } } },
              unit: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  if (!session) throw new NotFoundError('phiên họp / council session');
  const cycle = await findVisibleCycle(prisma, viewer, session.cycleId);
  const manages =
    (viewer.role === 'ADMIN' || viewer.role === 'OFFICER') &&
    (viewer.unitIds === null || viewer.unitIds.includes(cycle.scopeUnitId));
  if (!manages && !viewer.councilIds.includes(session.councilId))
    throw new NotFoundError('phiên họp / council session');

  const issuer = await loadIssuer(prisma, session.council.scopeUnitId);
  const took = new Set(
    session.ballots.flatMap((ballot) => ballot.participations.map((entry) => entry.memberId)),
  );
  const members = session.council.members.filter((member) => member.active);
  const present = session.present ?? took.size;
  const data: CouncilSessionData = {
    agency: councilAgencyBlock(session.council.name, issuer.agency),
    councilName: session.council.name,
    scopeName: issuer.agency.name,
    year: cycle.year,
    number: session.number,
    heldOn: session.heldOn,
    quorum: session.quorum,
    present,
    members: members.map((member) => ({
      name: member.user.person?.fullName ?? member.user.displayName,
      role: member.role,
      present: took.has(member.id),
    })),
    proposals: session.ballots.map((ballot) => ({
      nominee: ballot.proposal.person?.fullName ?? ballot.proposal.unit?.name ?? '',
      unitName: ballot.proposal.person?.unit.name ?? ballot.proposal.unit?.name ?? '',
      title: ballot.proposal.title,
      members: ballot.members,
      issued: ballot.participations.length,
      forCount: ballot.forCount,
      againstCount: ballot.againstCount,
      abstainCount: ballot.abstainCount,
      recused: ballot.recusals.length,
      thresholdPercent: ballot.thresholdPercent,
      result: ballot.result,
    })),
    minutes: session.minutes,
  };
  const document =
    options.kind === 'minutes' ? buildCouncilMinutesDocument(data) : buildBallotCountDocument(data);
  const slug = session.number.replace(/[^\w-]+/g, '-');
  return {
    fileName: `${options.kind === 'minutes' ? 'bien-ban-hop' : 'bien-ban-kiem-phieu'}-${slug}-${cycle.year}.pdf`,
    document,
  };
}
