import type { Unit } from '@cadre/db';
import {
  CALIBRATION_FINDING_KINDS,
  type CalibrationAssessor,
  type CalibrationDistribution,
  type CalibrationFinding,
  type CalibrationPoint,
  type CalibrationUnit,
  type RatingCount,
} from '@cadre/rules';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import { RatingEnum, RoleEnum } from '../../schema/enums.ts';
import { writeErrors } from '../../schema/errors.ts';
import { CycleRef } from '../cycles/cycle.ts';
import { EvaluationResultRef } from '../evaluation/evaluation.ts';
import { UnitRef } from '../units/unit.ts';
import {
  type CalibrationResultRow,
  type CalibrationReviewRow,
  type CalibrationView,
  readCalibration,
} from './services/read-calibration.ts';
import { reviewCalibration } from './services/review-calibration.ts';

// DOMAIN.md §10 and shared/contract/API.md: `calibration(cycleId, unitId)` with its names fixed.

const FindingKindEnum = builder.enumType('CalibrationFindingKind', {
  values: CALIBRATION_FINDING_KINDS,
});

const RatingCountRef = builder.objectRef<RatingCount>('RatingCount').implement({
  fields: (t) => ({
    rating: t.field({ type: RatingEnum, resolve: (row) => row.rating }),
    count: t.exposeInt('count'),
  }),
});

type Assessor = { id: string; name: string };

const AssessorRef = builder.objectRef<Assessor>('CalibrationAssessor').implement({
  description: 'The account that gave head assessments (its display name only)',
  fields: (t) => ({
    id: t.id({ resolve: (row) => encodeGlobalID('User', row.id) }),
    name: t.exposeString('name'),
  }),
});

type UnitRow = CalibrationUnit & { unit: Unit; excellentAllowed: number | null };

const CalibrationUnitRef = builder.objectRef<UnitRow>('CalibrationUnit').implement({
  fields: (t) => ({
    unit: t.field({ type: UnitRef, resolve: (row) => row.unit }),
    people: t.exposeInt('people'),
    proposed: t.field({
      type: [RatingCountRef],
      description: 'the engine’s proposals (after the hard rules and the quota)',
      resolve: (row) => row.proposed,
    }),
    final: t.field({
      type: [RatingCountRef],
      description: 'the current decisions',
      resolve: (row) => row.final,
    }),
    finalGoodOrBetterPercent: t.exposeFloat('finalGoodOrBetterPercent', { nullable: true }),
    evidenceMean: t.exposeFloat('evidenceMean', {
      nullable: true,
      description: 'mean evidence score (task results as a percentage), 0–100',
    }),
    excellentAllowed: t.exposeInt('excellentAllowed', {
      nullable: true,
      description: 'the excellent quota the engine computed for the unit',
    }),
  }),
});

const DistributionRef = builder.objectRef<CalibrationDistribution>('CalibrationDistribution').implement({
  fields: (t) => ({
    people: t.exposeInt('people'),
    proposed: t.field({ type: [RatingCountRef], resolve: (row) => row.proposed }),
    final: t.field({ type: [RatingCountRef], resolve: (row) => row.final }),
    finalGoodOrBetterPercent: t.exposeFloat('finalGoodOrBetterPercent', { nullable: true }),
    evidenceMean: t.exposeFloat('evidenceMean', { nullable: true }),
  }),
});

type HeadRow = CalibrationAssessor & { assessor: Assessor | null; unit: Unit | null };

const CalibrationHeadRef = builder.objectRef<HeadRow>('CalibrationHead').implement({
  description: 'The people one head assessed: their assessments A and ratings',
  fields: (t) => ({
    assessor: t.field({ type: AssessorRef, nullable: true, resolve: (row) => row.assessor }),
    unit: t.field({ type: UnitRef, nullable: true, resolve: (row) => row.unit }),
    assessed: t.exposeInt('assessed'),
    mean: t.exposeFloat('mean'),
    min: t.exposeFloat('min'),
    max: t.exposeFloat('max'),
    distinctValues: t.exposeInt('distinctValues'),
    proposed: t.field({ type: [RatingCountRef], resolve: (row) => row.proposed }),
    final: t.field({ type: [RatingCountRef], resolve: (row) => row.final }),
  }),
});

type FindingRow = CalibrationFinding & {
  unit: Unit | null;
  assessor: Assessor | null;
  result: CalibrationResultRow | null;
};

const FindingRef = builder.objectRef<FindingRow>('CalibrationFinding').implement({
  fields: (t) => ({
    kind: t.field({ type: FindingKindEnum, resolve: (row) => row.kind }),
    unit: t.field({ type: UnitRef, nullable: true, resolve: (row) => row.unit }),
    assessor: t.field({ type: AssessorRef, nullable: true, resolve: (row) => row.assessor }),
    result: t.field({
      type: EvaluationResultRef,
      nullable: true,
      description: 'the person’s result, for findings about one person',
      resolve: (row) => row.result,
    }),
    personName: t.string({ nullable: true, resolve: (row) => row.result?.personName ?? null }),
    detail: t.exposeString('detail', { description: 'Vietnamese' }),
    detailEn: t.exposeString('detailEn'),
    evidence: t.field({
      type: 'JSON',
      description: 'the figures behind the finding',
      resolve: (row) => row.evidence,
    }),
  }),
});

type PointRow = CalibrationPoint & { result: CalibrationResultRow | null };

const PointRef = builder.objectRef<PointRow>('CalibrationPoint').implement({
  description: 'One person: evidence score against the final rating',
  fields: (t) => ({
    resultId: t.id({
      nullable: true,
      resolve: (row) => (row.result ? encodeGlobalID('EvaluationResult', row.result.id) : null),
    }),
    personName: t.string({ nullable: true, resolve: (row) => row.result?.personName ?? null }),
    unitId: t.id({ resolve: (row) => encodeGlobalID('Unit', row.unitId) }),
    evidenceScore: t.exposeFloat('evidenceScore', { nullable: true }),
    score: t.exposeFloat('score', { nullable: true }),
    proposed: t.field({ type: RatingEnum, resolve: (row) => row.proposed }),
    final: t.field({ type: RatingEnum, resolve: (row) => row.final }),
  }),
});

const ReviewRef = builder.objectRef<CalibrationReviewRow>('CalibrationReview').implement({
  description: 'A recorded review of the calibration (an entry of the audit log)',
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (row) => row.at }),
    byName: t.exposeString('byName', { nullable: true }),
    role: t.field({ type: RoleEnum, nullable: true, resolve: (row) => row.role as never }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

const CalibrationRef = builder.objectRef<CalibrationView>('Calibration').implement({
  description: 'What the evidence says beside what people decided (DOMAIN.md §10)',
  fields: (t) => ({
    cycle: t.field({ type: CycleRef, resolve: (view) => view.cycle }),
    overall: t.field({
      type: DistributionRef,
      description: 'everyone in the calibration (the province, without unitId)',
      resolve: (view) => view.calibration.overall,
    }),
    units: t.field({
      type: [CalibrationUnitRef],
      resolve: (view) =>
        view.calibration.units.flatMap((row) => {
          const unit = view.units.get(row.unitId);
          return unit
            ? [{ ...row, unit, excellentAllowed: view.excellentAllowed.get(row.unitId) ?? null }]
            : [];
        }),
    }),
    heads: t.field({
      type: [CalibrationHeadRef],
      resolve: (view) =>
        view.calibration.assessors.map((row) => ({
          ...row,
          assessor: row.assessorId ? (view.assessors.get(row.assessorId) ?? null) : null,
          unit: row.unitId ? (view.units.get(row.unitId) ?? null) : null,
        })),
    }),
    findings: t.field({
      type: [FindingRef],
      resolve: (view) =>
        view.calibration.findings.map((row) => ({
          ...row,
          unit: row.unitId ? (view.units.get(row.unitId) ?? null) : null,
          assessor: row.assessorId ? (view.assessors.get(row.assessorId) ?? null) : null,
          result: row.personId ? (view.results.get(row.personId) ?? null) : null,
        })),
    }),
    points: t.field({
      type: [PointRef],
      description: 'evidence score and final rating per person (at most `limit`, lowest evidence first)',
      args: { limit: t.arg.int({ required: false, defaultValue: 2000 }) },
      resolve: (view, args) => {
        const limit = Math.max(0, Math.min(args.limit ?? 2000, 20_000));
        return [...view.calibration.points]
          .sort(
            (a, b) => (a.evidenceScore ?? -1) - (b.evidenceScore ?? -1) || (a.personId < b.personId ? -1 : 1),
          )
          .slice(0, limit)
          .map((point) => ({ ...point, result: view.results.get(point.personId) ?? null }));
      },
    }),
    thresholds: t.field({
      type: 'JSON',
      description: 'the thresholds of the findings (ours)',
      resolve: (view) => view.calibration.thresholds,
    }),
    reviews: t.field({ type: [ReviewRef], resolve: (view) => view.reviews }),
    reviewed: t.boolean({ resolve: (view) => view.reviews.length > 0 }),
  }),
});

builder.queryFields((t) => ({
  calibration: t.withAuth({ role: ['ADMIN', 'OFFICER', 'UNIT_HEAD', 'COUNCIL_MEMBER'] }).field({
    type: CalibrationRef,
    nullable: true,
    description:
      'Per unit and per head, proposed vs final ratings beside the whole; findings against "everyone is good". Null when the cycle or unit is not visible.',
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      unitId: t.arg.globalID({ required: false, for: UnitRef }),
    },
    resolve: (_root, args, context) =>
      readCalibration({
        prisma: context.prisma,
        viewer: context.viewer,
        unitTrees: context.unitTrees,
        cycleId: args.cycleId.id,
        unitId: args.unitId?.id ?? null,
      }),
  }),
}));

builder.mutationFields((t) => ({
  reviewCalibration: t.withAuth({ role: ['ADMIN', 'OFFICER', 'COUNCIL_MEMBER'] }).field({
    type: ReviewRef,
    description: 'Records that the council (or the personnel office) reviewed the calibration, during REVIEW',
    errors: { types: writeErrors },
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      note: t.arg.string({ required: false }),
    },
    resolve: (_root, args, context) =>
      reviewCalibration({
        prisma: context.prisma,
        viewer: context.viewer,
        unitTrees: context.unitTrees,
        cycleId: args.cycleId.id,
        note: args.note,
      }),
  }),
}));
