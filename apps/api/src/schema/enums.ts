import type {
  CycleStatus,
  DecisionKind,
  FlagKind,
  FlagReview,
  FlagStatus,
  Rating,
  Role,
  RunStatus,
  StaffCategory,
  UnitKind,
} from '@cadre/db';
import { builder } from '../builder.ts';

// The Prisma enums as GraphQL enums (one definition each, shared by every schema file).

export const roles = [
  'ADMIN',
  'OFFICER',
  'UNIT_HEAD',
  'COUNCIL_MEMBER',
  'STAFF',
] as const satisfies readonly Role[];
export const RoleEnum = builder.enumType('Role', { values: roles });

export const ratings = [
  'EXCELLENT',
  'GOOD',
  'COMPLETED',
  'NOT_COMPLETED',
  'NOT_RATED',
] as const satisfies readonly Rating[];
export const RatingEnum = builder.enumType('Rating', { values: ratings });

export const cycleStatuses = [
  'DRAFT',
  'OPEN',
  'ASSESSMENT',
  'REVIEW',
  'APPROVED',
  'PUBLISHED',
  'ARCHIVED',
] as const satisfies readonly CycleStatus[];
export const CycleStatusEnum = builder.enumType('CycleStatus', { values: cycleStatuses });

export const PeriodKindEnum = builder.enumType('PeriodKind', {
  description:
    'how a cycle tracks công chức: the whole year, every quarter or every month (Nghị định 335/2025)',
  values: ['YEAR', 'QUARTER', 'MONTH'] as const,
});

export const UnitKindEnum = builder.enumType('UnitKind', {
  values: [
    'PROVINCE',
    'DEPARTMENT',
    'DISTRICT',
    'COMMUNE',
    'DIVISION',
    'CENTER',
    'WARD',
    'SPECIAL_ZONE',
  ] as const satisfies readonly UnitKind[],
});

export const StaffCategoryEnum = builder.enumType('StaffCategory', {
  values: ['CAN_BO', 'CONG_CHUC', 'VIEN_CHUC', 'NGUOI_LAO_DONG'] as const satisfies readonly StaffCategory[],
});

export const RunStatusEnum = builder.enumType('RunStatus', {
  values: ['RUNNING', 'SUCCEEDED', 'FAILED'] as const satisfies readonly RunStatus[],
});

export const DecisionKindEnum = builder.enumType('DecisionKind', {
  values: [
    'ADJUSTMENT',
    'APPROVAL',
    'CORRECTION',
    'APPEAL_OUTCOME',
  ] as const satisfies readonly DecisionKind[],
});

export const FlagKindEnum = builder.enumType('FlagKind', {
  values: [
    'ROTATION',
    'STREAMLINING',
    'DISMISSAL_REVIEW',
    'WEAK_PERFORMANCE',
  ] as const satisfies readonly FlagKind[],
});

export const FlagStatusEnum = builder.enumType('FlagStatus', {
  values: ['ACTIVE', 'POSTPONED', 'EXEMPT'] as const satisfies readonly FlagStatus[],
});

export const FlagReviewEnum = builder.enumType('FlagReview', {
  values: ['PENDING', 'ACCEPTED', 'DISMISSED', 'POSTPONED'] as const satisfies readonly FlagReview[],
});
