import type { PrismaClient, TitleKind, TitleProposal } from '@cadre/db';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  QuotaExceededError,
  RuleViolationError,
  ValidationError,
} from '../../../errors.ts';
import { titleLabels } from '../../../exports/labels.ts';
import { cstdcsCapOf, type EngineRun, runEngine } from '../../../rules/engine.ts';
import type { UnitTreeCache } from '../../../scope/unit-tree.ts';
import { unitInScope, type Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { assertWritable, findVisibleCycle } from '../../cycles/cycle-access.ts';
import { buildGroupScenario } from '../../evaluation/services/check-decision.ts';
import {
  collectiveTitles,
  commendationTitles,
  readPersonTitleEligibility,
  readUnitTitleEligibility,
  type TitleEligibility,
  titleHasRule,
} from './read-title-eligibility.ts';

const openStatuses = ['PROPOSED', 'IN_BALLOT', 'APPROVED', 'DECIDED'] as const;

/** The engine's evaluation of quota groups, kept across the proposals of one bulk action. */
export type EngineRuns = Map<string, Promise<EngineRun>>;

/**
 * A unit head (or officer) proposes a title for a person or a unit in their scope. Eligibility
 * and its trace are the engine's answer, for every title it has a rule for (Bằng khen included):
 * an ineligible proposal is refused naming the failed condition. A title the engine has no rule
 * for (Giấy khen; a unit's Giấy khen or Bằng khen) stands on its reason and is stored not
 * eligible, with no trace: no mandatory criterion was assessed (see titleHasRule).
 */
export async function proposeTitle(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  cycleId: string;
  personId: string | null;
  unitId: string | null;
  title: TitleKind;
  reason: string;
  /** a bulk action's cache of the engine's runs, by quota group (the evidence does not change between its proposals) */
  engineRuns?: EngineRuns;
}): Promise<TitleProposal> {
  const { prisma, viewer, title } = options;
  const reason = options.reason.trim();
  const collective = collectiveTitles.includes(title);
  const commendation = commendationTitles.includes(title);
  if (!['UNIT_HEAD', 'OFFICER', 'ADMIN'].includes(viewer.role)) throw new ForbiddenError();
  if ((options.personId === null) === (options.unitId === null)) {
    throw new ValidationError([
      { field: 'personId', message: 'Chọn một cá nhân hoặc một tập thể / give either personId or unitId' },
    ]);
  }
  if ((collective && options.personId) || (!collective && !commendation && options.unitId)) {
    throw new ValidationError([
      {
        field: collective ? 'personId' : 'unitId',
        message: `${titleLabels[title]} là danh hiệu ${collective ? 'tập thể' : 'cá nhân'} / ${title} is ${collective ? 'a collective' : 'an individual'} title`,
      },
    ]);
  }
  if (commendation && reason.length < 10) {
    throw new ValidationError([
      {
        field: 'reason',
        message:
          'Khen thưởng cần nêu thành tích (≥ 10 ký tự) / a reason of at least 10 characters is required',
      },
    ]);
  }

  return prisma.$transaction(async (tx) => {
    const cycle = await findVisibleCycle(tx, viewer, options.cycleId);
    assertWritable(cycle);
    let eligibility: TitleEligibility;
    let nomineeUnitId: string;
    const hasRule = titleHasRule(title, options.personId ? 'person' : 'unit');
    if (options.personId) {
      const person = await tx.person.findUnique({
        where: { id: options.personId },
        select: { id: true, unitId: true, quotaGroup: true },
      });
      if (!person || !unitInScope(viewer, person.unitId)) throw new NotFoundError('cán bộ / person');
      if (person.id === viewer.personId)
        throw new ForbiddenError('Không tự đề nghị cho mình / you cannot propose yourself');
      nomineeUnitId = person.unitId;
      const result = await tx.evaluationResult.findUnique({
        where: { cycleId_personId: { cycleId: cycle.id, personId: person.id } },
        select: { unitId: true },
      });
      if (result) nomineeUnitId = result.unitId;
      if (!hasRule) {
        // no mandatory criterion in the engine: the proposal stands on its reason
        eligibility = { eligible: false, trace: [], failed: null };
      } else if (!result) {
        throw new RuleViolationError({
          rule: 'title.evaluation-required',
          citation: null,
          message:
            'Chưa có kết quả đánh giá: chạy đánh giá trước / no evaluation result yet: run the evaluation first',
        });
      } else {
        // the engine judges the title on the current evidence and the decisions in force
        const key = person.quotaGroup ? `group:${person.quotaGroup}` : `unit:${person.unitId}`;
        const judge = async () =>
          runEngine(
            await buildGroupScenario({ tx, cycle, tree: await options.unitTrees.get(), personId: person.id }),
          );
        const cached = options.engineRuns?.get(key);
        let engine = cached ? await cached : null;
        // a run of the group made for someone else holds its active members: judge anyone else afresh
        if (!engine || (engine.ok && !engine.evaluation.people.some((item) => item.id === person.id))) {
          const run = judge();
          if (!cached) options.engineRuns?.set(key, run);
          engine = await run;
        }
        if (!engine.ok) {
          throw new ConflictError(
            `Dữ liệu minh chứng không hợp lệ / invalid evidence: ${engine.errors.slice(0, 3).join('; ')}`,
          );
        }
        eligibility = readPersonTitleEligibility(
          engine.evaluation.people.find((item) => item.id === person.id),
          title,
        );
      }
    } else {
      const unitId = options.unitId ?? '';
      if (!unitInScope(viewer, unitId) || !(await tx.unit.count({ where: { id: unitId } }))) {
        throw new NotFoundError('đơn vị / unit');
      }
      nomineeUnitId = unitId;
      if (!hasRule) eligibility = { eligible: false, trace: [], failed: null };
      else {
        const unitResult = await tx.unitResult.findUnique({
          where: { cycleId_unitId: { cycleId: cycle.id, unitId } },
        });
        if (!unitResult) {
          throw new RuleViolationError({
            rule: 'title.evaluation-required',
            citation: null,
            message:
              'Chưa có kết quả đánh giá của đơn vị: chạy đánh giá trước / no evaluation result for the unit yet: run the evaluation first',
          });
        }
        eligibility = readUnitTitleEligibility(unitResult, title);
      }
    }
    if (hasRule && !eligibility.eligible) {
      const failed = eligibility.failed;
      throw new RuleViolationError({
        rule: failed?.rule || `title.${title.toLowerCase()}`,
        citation: failed?.citation || 'Luật Thi đua, khen thưởng 2022',
        message: `Không đủ điều kiện ${titleLabels[title]}: ${failed ? `${failed.detail || failed.effect} (${failed.rule})` : 'hệ thống đánh giá không xác nhận đủ điều kiện'} / not eligible for ${title}`,
      });
    }
    const duplicate = await tx.titleProposal.findFirst({
      where: {
        cycleId: cycle.id,
        title,
        personId: options.personId,
        unitId: options.unitId,
        status: { in: [...openStatuses] },
      },
      select: { id: true },
    });
    if (duplicate) throw new ConflictError('Đã có đề nghị này / this title is already proposed');

    if (title === 'CSTDCS') {
      const [holders, proposed] = await Promise.all([
        tx.evaluationResult.count({
          where: { cycleId: cycle.id, unitId: nomineeUnitId, titles: { has: 'LDTT' } },
        }),
        tx.titleProposal.count({
          where: {
            cycleId: cycle.id,
            title: 'CSTDCS',
            status: { in: [...openStatuses] },
            person: { unitId: nomineeUnitId },
          },
        }),
      ]);
      // the local CSTĐCS cap of the unit, counted by the engine (null: no cap)
      const allowed = cstdcsCapOf(cycle.packId, cycle.overrides, holders);
      if (allowed !== null && proposed + 1 > allowed)
        throw new QuotaExceededError({ unitId: nomineeUnitId, allowed, granted: proposed });
    }

    const proposal = await tx.titleProposal.create({
      data: {
        cycleId: cycle.id,
        title,
        personId: options.personId,
        unitId: options.unitId,
        reason: reason || 'Đủ điều kiện theo kết quả đánh giá',
        eligible: eligibility.eligible,
        eligibility: eligibility.trace,
        proposedById: viewer.userId,
      },
    });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'proposeTitle',
      entity: 'TitleProposal',
      entityId: proposal.id,
      after: proposal,
    });
    return proposal;
  });
}
