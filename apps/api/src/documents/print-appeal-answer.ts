import type { PrismaClient } from '@cadre/db';
import { buildAppealsWhere } from '../domains/appeals/build-appeals-where.ts';
import { NotFoundError } from '../errors.ts';
import type { Viewer } from '../scope/viewer.ts';
import { buildAppealAnswerDocument } from './appeal-answer.ts';
import { issuanceOf, loadIssuer } from './issuer.ts';
import type { OfficialDocument } from './layout.ts';

// The written answer to an appeal, for the appellant and whoever may read the appeal
// (buildAppealsWhere). Until the appeal is decided it prints as a draft.

export async function printAppealAnswer(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  appealId: string;
}): Promise<{ fileName: string; document: OfficialDocument }> {
  const { prisma, viewer } = options;
  const appeal = await prisma.appeal.findFirst({
    where: { id: options.appealId, AND: [buildAppealsWhere({ viewer })] },
    include: {
      cycle: { select: { year: true, scopeUnitId: true } },
      person: { select: { fullName: true, gender: true, code: true, unit: { select: { name: true } } } },
      result: { select: { finalRating: true } },
      decidedBy: { select: { displayName: true, person: { select: { fullName: true } } } },
    },
  });
  if (!appeal) throw new NotFoundError('kiến nghị / appeal');
  const issuer = await loadIssuer(prisma, appeal.cycle.scopeUnitId);
  // the rating before: the decision the appeal outcome superseded, else the current one
  const outcome = await prisma.ratingDecision.findFirst({
    where: { resultId: appeal.resultId, kind: 'APPEAL_OUTCOME', decidedAt: { gte: appeal.filedAt } },
    orderBy: { decidedAt: 'asc' },
    select: { fromRating: true, toRating: true },
  });
  const decided = appeal.status === 'UPHELD' || appeal.status === 'REJECTED' || appeal.status === 'WITHDRAWN';
  const issuance = issuanceOf(issuer, {
    number: null,
    date: decided ? appeal.decidedAt : null,
    year: (appeal.decidedAt ?? appeal.filedAt).getUTCFullYear(),
    signerName: appeal.decidedBy?.person?.fullName ?? null,
  });
  const document = buildAppealAnswerDocument({
    issuance: { ...issuance, draft: !decided },
    draftingOffice: 'TCCB',
    year: appeal.cycle.year,
    person: {
      fullName: appeal.person.fullName,
      gender: appeal.person.gender,
      unitName: appeal.person.unit.name,
    },
    filedAt: appeal.filedAt,
    reason: appeal.reason,
    requested: appeal.requested,
    ratingBefore: outcome?.fromRating ?? appeal.result.finalRating,
    ratingAfter: outcome?.toRating ?? appeal.result.finalRating,
    status: appeal.status,
    outcome: appeal.outcome,
  });
  return { fileName: `tra-loi-kien-nghi-${appeal.person.code}-${appeal.cycle.year}.pdf`, document };
}
