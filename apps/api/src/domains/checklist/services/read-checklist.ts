import type { Cycle, CycleStatus, Prisma, PrismaClient, Role } from '@cadre/db';
import { PERIOD_COUNTS } from '@cadre/rules';
import { listNationalDeadlines } from '../../../documents/national-export.ts';
import { descendantIds, type UnitTreeCache } from '../../../scope/unit-tree.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { buildAppealsWhere } from '../../appeals/build-appeals-where.ts';
import { appealDeadline, openAppealStatuses } from '../../appeals/services/file-appeal.ts';
import { calibrationReviewAction } from '../../calibration/services/read-calibration.ts';
import { buildCyclesWhere } from '../../cycles/build-cycles-where.ts';
import { stageIndex } from '../../cycles/cycle-access.ts';
import { buildProposalsWhere, buildSessionsWhere } from '../../emulation/build-proposals-where.ts';
import { buildFlagsWhere } from '../../evaluation/build-flags-where.ts';
import { buildPeopleWhere } from '../../people/build-people-where.ts';

export const checklistItemKinds = [
  'MISSING_SELF_ASSESSMENTS',
  'MISSING_HEAD_ASSESSMENTS',
  'UNCLOSED_PERIODS',
  'EVALUATION_NOT_RUN',
  'PENDING_PROPOSALS',
  'OPEN_BALLOTS',
  'UNREVIEWED_FLAGS',
  'CALIBRATION_NOT_REVIEWED',
  'UNSIGNED_DECISIONS',
  'OPEN_APPEALS',
  'APPEAL_WINDOW_OPEN',
  'NATIONAL_EXPORT_DUE',
] as const;
export type ChecklistItemKind = (typeof checklistItemKinds)[number];

export type ChecklistItem = {
  kind: ChecklistItemKind;
  count: number;
  /** the move this item refuses while it remains (null: a reminder only) */
  blocks: CycleStatus | null;
  /** who must act */
  ownerRole: Role;
  /** the stage whose deadline applies */
  stage: CycleStatus;
  dueOn: Date | null;
  label: string;
  labelEn: string;
  /** the units with the most people outstanding (self and head assessments) */
  byUnit: { unitId: string; count: number }[];
};

const labels: Record<ChecklistItemKind, { vi: string; en: string }> = {
  MISSING_SELF_ASSESSMENTS: { vi: 'Chưa nộp bản tự đánh giá', en: 'Self-assessments not submitted' },
  MISSING_HEAD_ASSESSMENTS: { vi: 'Chưa được thủ trưởng đánh giá', en: 'Not yet assessed by the head' },
  UNCLOSED_PERIODS: {
    vi: 'Kỳ theo dõi đã hết nhưng đơn vị chưa khóa sổ (đơn vị × kỳ)',
    en: 'Ended periods a unit has not closed (units × periods)',
  },
  EVALUATION_NOT_RUN: { vi: 'Chưa chạy đánh giá', en: 'Evaluation not run' },
  PENDING_PROPOSALS: {
    vi: 'Đề nghị danh hiệu chưa được xét xong',
    en: 'Title proposals not yet decided by the council',
  },
  OPEN_BALLOTS: { vi: 'Phiếu bầu đang mở', en: 'Ballots still open' },
  UNREVIEWED_FLAGS: { vi: 'Đề xuất chưa được xem xét', en: 'Flags not reviewed' },
  CALIBRATION_NOT_REVIEWED: { vi: 'Chưa rà soát hiệu chỉnh', en: 'Calibration not reviewed' },
  UNSIGNED_DECISIONS: {
    vi: 'Đề nghị đã thông qua chưa có quyết định khen thưởng',
    en: 'Approved proposals without a signed decision',
  },
  OPEN_APPEALS: { vi: 'Khiếu nại chưa giải quyết', en: 'Appeals not yet decided' },
  APPEAL_WINDOW_OPEN: { vi: 'Còn trong thời hạn khiếu nại', en: 'The appeal window is still open' },
  NATIONAL_EXPORT_DUE: {
    vi: 'Chưa gửi cơ sở dữ liệu quốc gia về cán bộ (trong 3 ngày làm việc, Nghị định 27/2026)',
    en: 'Not yet sent to the national personnel database (within 3 working days)',
  },
};

/** Flags the personnel office must decide on: exempt ones are information only. */
export const unreviewedFlagsWhere: Prisma.FlagWhereInput = {
  review: 'PENDING',
  status: { in: ['ACTIVE', 'POSTPONED'] },
};
export const pendingProposalStatuses = ['PROPOSED', 'IN_BALLOT'] as const;

type Counts = {
  cycle: Cycle;
  deadlines: Map<CycleStatus, Date>;
  now: Date;
};

function item(
  counts: Counts,
  kind: ChecklistItemKind,
  count: number,
  options: {
    blocks: CycleStatus | null;
    ownerRole: Role;
    stage: CycleStatus;
    byUnit?: ChecklistItem['byUnit'];
  },
  suffix?: { vi: string; en: string },
): ChecklistItem {
  return {
    kind,
    count,
    blocks: options.blocks,
    ownerRole: options.ownerRole,
    stage: options.stage,
    dueOn: counts.deadlines.get(options.stage) ?? null,
    label: suffix ? `${labels[kind].vi} ${suffix.vi}` : labels[kind].vi,
    labelEn: suffix ? `${labels[kind].en} ${suffix.en}` : labels[kind].en,
    byUnit: options.byUnit ?? [],
  };
}

function untilDay(lastDay: string): { vi: string; en: string } {
  return { vi: `(đến hết ngày ${lastDay})`, en: `(until the end of ${lastDay})` };
}

/**
 * What blocks a move of the cycle, over the whole cycle (the officer who moves it manages all of
 * it): approval while proposals wait for the council, ballots are open or flags are not reviewed;
 * archiving inside the appeal window or while appeals are open.
 */
export async function findBlockers(options: {
  tx: Prisma.TransactionClient;
  cycle: Cycle;
  to: CycleStatus;
  now?: Date;
}): Promise<ChecklistItem[]> {
  const { tx, cycle } = options;
  const counts: Counts = {
    cycle,
    deadlines: await deadlinesOf(tx, cycle.id),
    now: options.now ?? new Date(),
  };
  if (options.to === 'APPROVED') {
    const [proposals, ballots, flags] = await Promise.all([
      tx.titleProposal.count({ where: { cycleId: cycle.id, status: { in: [...pendingProposalStatuses] } } }),
      tx.ballot.count({ where: { status: 'OPEN', session: { cycleId: cycle.id } } }),
      tx.flag.count({ where: { cycleId: cycle.id, ...unreviewedFlagsWhere } }),
    ]);
    return [
      item(counts, 'PENDING_PROPOSALS', proposals, {
        blocks: 'APPROVED',
        ownerRole: 'COUNCIL_MEMBER',
        stage: 'REVIEW',
      }),
      item(counts, 'OPEN_BALLOTS', ballots, { blocks: 'APPROVED', ownerRole: 'OFFICER', stage: 'REVIEW' }),
      item(counts, 'UNREVIEWED_FLAGS', flags, { blocks: 'APPROVED', ownerRole: 'OFFICER', stage: 'REVIEW' }),
    ].filter((row) => row.count > 0);
  }
  if (options.to === 'ARCHIVED') {
    const appeals = await tx.appeal.count({
      where: { cycleId: cycle.id, status: { in: openAppealStatuses } },
    });
    const rows = [
      item(counts, 'OPEN_APPEALS', appeals, { blocks: 'ARCHIVED', ownerRole: 'OFFICER', stage: 'PUBLISHED' }),
    ];
    const deadline = appealDeadline(cycle);
    if (deadline && counts.now < deadline.closesAt) {
      rows.push(
        item(
          counts,
          'APPEAL_WINDOW_OPEN',
          1,
          { blocks: 'ARCHIVED', ownerRole: 'STAFF', stage: 'PUBLISHED' },
          untilDay(deadline.lastDay),
        ),
      );
    }
    return rows.filter((row) => row.count > 0);
  }
  return [];
}

async function deadlinesOf(tx: Prisma.TransactionClient, cycleId: string): Promise<Map<CycleStatus, Date>> {
  const rows = await tx.cycleDeadline.findMany({ where: { cycleId }, select: { stage: true, dueOn: true } });
  return new Map(rows.map((row) => [row.stage, row.dueOn]));
}

async function topUnits(
  prisma: PrismaClient | Prisma.TransactionClient,
  where: Prisma.PersonWhereInput,
  limit = 10,
): Promise<ChecklistItem['byUnit']> {
  const groups = await prisma.person.groupBy({
    by: ['unitId'],
    where,
    _count: { _all: true },
  });
  return groups
    .map((group) => ({ unitId: group.unitId, count: group._count._all }))
    .sort((a, b) => b.count - a.count || (a.unitId < b.unitId ? -1 : 1))
    .slice(0, limit);
}

/**
 * What is due in a cycle for the viewer, by whom and by when: each item counted over what the
 * viewer may read (the where-builders of people, proposals, ballots, flags and appeals), only the
 * items of the viewer's role, only those with something outstanding. Null when the cycle is not visible.
 */
export async function readChecklist(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  cycleId: string;
  now?: Date;
}): Promise<{ cycle: Cycle; items: ChecklistItem[] } | null> {
  const { prisma, viewer } = options;
  const cycle = await prisma.cycle.findFirst({
    where: { id: options.cycleId, AND: [buildCyclesWhere({ viewer })] },
  });
  if (!cycle) return null;
  const counts: Counts = {
    cycle,
    deadlines: await deadlinesOf(prisma, cycle.id),
    now: options.now ?? new Date(),
  };
  const role = viewer.role;
  const office = role === 'ADMIN' || role === 'OFFICER';
  const stage = stageIndex(cycle.status);
  const items: ChecklistItem[] = [];
  const tree = await options.unitTrees.get();
  const peopleWhere: Prisma.PersonWhereInput = {
    active: true,
    unitId: { in: descendantIds(tree, cycle.scopeUnitId) },
    AND: [buildPeopleWhere({ viewer })],
  };

  if (
    stage >= stageIndex('OPEN') &&
    stage <= stageIndex('ASSESSMENT') &&
    (office || role === 'UNIT_HEAD' || role === 'STAFF')
  ) {
    const where: Prisma.PersonWhereInput = {
      ...peopleWhere,
      selfAssessments: { none: { cycleId: cycle.id, submittedAt: { not: null } } },
    };
    const count = await prisma.person.count({ where });
    items.push(
      item(counts, 'MISSING_SELF_ASSESSMENTS', count, {
        blocks: null,
        ownerRole: 'STAFF',
        stage: 'OPEN',
        byUnit: role === 'STAFF' || count === 0 ? [] : await topUnits(prisma, where),
      }),
    );
  }
  if (stage >= stageIndex('OPEN') && stage <= stageIndex('REVIEW') && (office || role === 'UNIT_HEAD')) {
    const where: Prisma.PersonWhereInput = {
      ...peopleWhere,
      headAssessments: { none: { cycleId: cycle.id } },
      // a head does not assess themselves
      ...(viewer.personId ? { NOT: { id: viewer.personId } } : {}),
    };
    const count = await prisma.person.count({ where });
    items.push(
      item(counts, 'MISSING_HEAD_ASSESSMENTS', count, {
        blocks: null,
        ownerRole: 'UNIT_HEAD',
        stage: 'ASSESSMENT',
        byUnit: count === 0 ? [] : await topUnits(prisma, where),
      }),
    );
  }
  if (stage >= stageIndex('OPEN') && stage <= stageIndex('REVIEW') && (office || role === 'UNIT_HEAD')) {
    // each unit with people closes every period that has ended (DOMAIN.md §2, Periods)
    const count = PERIOD_COUNTS[cycle.periodKind];
    const monthsEach = 12 / count;
    const ended = Array.from({ length: count }, (_, index) => index + 1).filter(
      (period) => Date.UTC(cycle.year, period * monthsEach, 1) <= counts.now.getTime(),
    );
    if (ended.length > 0) {
      const units = await topUnits(prisma, peopleWhere, Number.POSITIVE_INFINITY);
      const closed = await prisma.periodClosure.groupBy({
        by: ['unitId'],
        where: {
          cycleId: cycle.id,
          state: 'CLOSED',
          period: { in: ended },
          unitId: { in: units.map((row) => row.unitId) },
        },
        _count: { _all: true },
      });
      const closedBy = new Map(closed.map((row) => [row.unitId, row._count._all]));
      const open = units
        .map((row) => ({ unitId: row.unitId, count: ended.length - (closedBy.get(row.unitId) ?? 0) }))
        .filter((row) => row.count > 0)
        .sort((a, b) => b.count - a.count || (a.unitId < b.unitId ? -1 : 1));
      items.push(
        item(
          counts,
          'UNCLOSED_PERIODS',
          open.reduce((sum, row) => sum + row.count, 0),
          {
            blocks: null,
            ownerRole: 'UNIT_HEAD',
            stage: 'ASSESSMENT',
            byUnit: open.slice(0, 10),
          },
        ),
      );
    }
  }
  if (office && stage >= stageIndex('OPEN') && stage <= stageIndex('ASSESSMENT') && !cycle.lastRunId) {
    items.push(
      item(counts, 'EVALUATION_NOT_RUN', 1, { blocks: 'REVIEW', ownerRole: 'OFFICER', stage: 'ASSESSMENT' }),
    );
  }
  if (stage >= stageIndex('ASSESSMENT') && stage <= stageIndex('REVIEW') && role !== 'STAFF') {
    const count = await prisma.titleProposal.count({
      where: {
        cycleId: cycle.id,
        status: { in: [...pendingProposalStatuses] },
        AND: [buildProposalsWhere({ viewer })],
      },
    });
    items.push(
      item(counts, 'PENDING_PROPOSALS', count, {
        blocks: 'APPROVED',
        ownerRole: 'COUNCIL_MEMBER',
        stage: 'REVIEW',
      }),
    );
  }
  if (stage === stageIndex('REVIEW') && (office || role === 'COUNCIL_MEMBER')) {
    const ballotWhere: Prisma.BallotWhereInput = {
      status: 'OPEN',
      session: { cycleId: cycle.id, AND: [buildSessionsWhere({ viewer })] },
      // a member is due only where they have neither voted nor been recused
      ...(role === 'COUNCIL_MEMBER'
        ? {
            participations: { none: { member: { userId: viewer.userId } } },
            recusals: { none: { member: { userId: viewer.userId } } },
          }
        : {}),
    };
    const ballots = await prisma.ballot.count({ where: ballotWhere });
    items.push(
      item(
        counts,
        'OPEN_BALLOTS',
        ballots,
        {
          blocks: 'APPROVED',
          ownerRole: role === 'COUNCIL_MEMBER' ? 'COUNCIL_MEMBER' : 'OFFICER',
          stage: 'REVIEW',
        },
        role === 'COUNCIL_MEMBER' ? { vi: 'chờ bạn bỏ phiếu', en: 'awaiting your vote' } : undefined,
      ),
    );
    const reviewed = await prisma.auditLog.count({
      where: { entity: 'Cycle', entityId: cycle.id, action: calibrationReviewAction },
    });
    items.push(
      item(counts, 'CALIBRATION_NOT_REVIEWED', reviewed > 0 ? 0 : 1, {
        blocks: null,
        ownerRole: 'COUNCIL_MEMBER',
        stage: 'REVIEW',
      }),
    );
  }
  if (office && stage >= stageIndex('REVIEW') && stage <= stageIndex('APPROVED')) {
    const flags = await prisma.flag.count({
      where: { cycleId: cycle.id, ...unreviewedFlagsWhere, AND: [buildFlagsWhere({ viewer })] },
    });
    items.push(
      item(counts, 'UNREVIEWED_FLAGS', flags, { blocks: 'APPROVED', ownerRole: 'OFFICER', stage: 'REVIEW' }),
    );
    const unsigned = await prisma.titleProposal.count({
      where: { cycleId: cycle.id, status: 'APPROVED', AND: [buildProposalsWhere({ viewer })] },
    });
    items.push(
      item(counts, 'UNSIGNED_DECISIONS', unsigned, { blocks: null, ownerRole: 'OFFICER', stage: 'APPROVED' }),
    );
  }
  if (office && cycle.status === 'PUBLISHED') {
    const appeals = await prisma.appeal.count({
      where: { cycleId: cycle.id, status: { in: openAppealStatuses }, AND: [buildAppealsWhere({ viewer })] },
    });
    items.push(
      item(counts, 'OPEN_APPEALS', appeals, { blocks: 'ARCHIVED', ownerRole: 'OFFICER', stage: 'PUBLISHED' }),
    );
    const deadline = appealDeadline(cycle);
    if (deadline && counts.now < deadline.closesAt) {
      items.push(
        item(
          counts,
          'APPEAL_WINDOW_OPEN',
          1,
          { blocks: 'ARCHIVED', ownerRole: 'STAFF', stage: 'PUBLISHED' },
          untilDay(deadline.lastDay),
        ),
      );
    }
  }
  if (office && stage >= stageIndex('PUBLISHED')) {
    const deadline = (await listNationalDeadlines({ prisma, viewer, now: counts.now })).find(
      (row) => row.cycleId === cycle.id,
    );
    if (deadline && (deadline.status === 'DUE' || deadline.status === 'OVERDUE')) {
      items.push({
        ...item(counts, 'NATIONAL_EXPORT_DUE', 1, { blocks: null, ownerRole: 'OFFICER', stage: 'PUBLISHED' }),
        dueOn: deadline.dueOn,
      });
    }
  }
  return { cycle, items: items.filter((row) => row.count > 0) };
}
