import { graphql, type ResultOf } from '../../graphql/graphql.ts';

export const CyclePeriodKindQuery = graphql(`
  query CyclePeriodKind($cycleId: ID!) {
    cycle(id: $cycleId) {
      id
      year
      periodKind
    }
  }
`);

export const PeriodTrackingQuery = graphql(`
  query PeriodTrackingPage($cycleId: ID!, $unitId: ID!, $period: Int!) {
    periodTracking(cycleId: $cycleId, unitId: $unitId, period: $period) {
      label
      state
      missingAssessments
      viewerCanReopen
      closure {
        closedByName
        closedAt
        reopenReason
      }
      people {
        personId
        code
        fullName
        positionTitle
        jobPosition
        jobPositionId
        leadsUnit
        assessment
        needsAssessment
        yearScore
        periodScore {
          period
          score
          tasks
          conduct
          reform
          citizens
        }
        assignments {
          id
          code
          title
          assigned
          completed
          weight
          dueOn
          finishedOn
          failedReviews
          delays
          excused
          excuseReason
          excusedBy
          version
          product {
            id
            unitOfCount
            coefficient
          }
        }
      }
    }
  }
`);

export type PeriodTrackingView = NonNullable<ResultOf<typeof PeriodTrackingQuery>['periodTracking']>;
export type TrackedPersonRow = PeriodTrackingView['people'][number];
export type AssignmentRow = TrackedPersonRow['assignments'][number];

export const RecordPeriodResultsMutation = graphql(`
  mutation RecordPeriodResultsPage($input: RecordPeriodResultsInput!) {
    recordPeriodResults(input: $input) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        fields {
          field
          message
        }
      }
      ... on RecordPeriodResultsSuccess {
        data {
          state
          missingAssessments
          people {
            personId
            yearScore
            periodScore {
              period
              score
              tasks
              conduct
              reform
              citizens
            }
          }
        }
      }
    }
  }
`);

export const ClosePeriodMutation = graphql(`
  mutation ClosePeriodPage($cycleId: ID!, $unitId: ID!, $period: Int!) {
    closePeriod(cycleId: $cycleId, unitId: $unitId, period: $period) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ClosePeriodSuccess {
        data {
          state
          closedAt
        }
      }
    }
  }
`);

export const ReopenPeriodMutation = graphql(`
  mutation ReopenPeriodPage($cycleId: ID!, $unitId: ID!, $period: Int!, $reason: String!) {
    reopenPeriod(cycleId: $cycleId, unitId: $unitId, period: $period, reason: $reason) {
      __typename
      ... on Error {
        code
        message
      }
    }
  }
`);

export const AssignWorkMutation = graphql(`
  mutation AssignWorkPage($input: AssignWorkInput!) {
    assignWork(input: $input) {
      __typename
      ... on Error {
        code
        message
      }
      ... on AssignWorkSuccess {
        data {
          id
        }
      }
    }
  }
`);

export const CatalogueQuery = graphql(`
  query CataloguePage($cycleId: ID!) {
    jobPositions {
      id
      code
      name
      active
      products(cycleId: $cycleId) {
        id
        code
        name
        unitOfCount
        coefficient
        active
        version
      }
    }
  }
`);

export type JobPositionRow = ResultOf<typeof CatalogueQuery>['jobPositions'][number];
export type ProductRow = JobPositionRow['products'][number];

export const SaveProductMutation = graphql(`
  mutation SaveProductPage($cycleId: ID!, $jobPositionId: ID!, $id: ID, $version: Int, $input: ProductInput!) {
    saveProduct(cycleId: $cycleId, jobPositionId: $jobPositionId, id: $id, version: $version, input: $input) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        fields {
          field
          message
        }
      }
    }
  }
`);

export const SaveJobPositionMutation = graphql(`
  mutation SaveJobPositionPage($code: String!, $name: String!) {
    saveJobPosition(code: $code, name: $name) {
      __typename
      ... on Error {
        code
        message
      }
    }
  }
`);

export const PeriodProgressQuery = graphql(`
  query PeriodProgressPage($cycleId: ID!) {
    periodProgress(cycleId: $cycleId) {
      periodCount
      closedCounts
      unitCount
      units {
        unit {
          id
          code
          name
        }
        closedPeriods
      }
    }
  }
`);

export const PersonPeriodsQuery = graphql(`
  query PersonPeriodsPage($cycleId: ID!) {
    personPeriods(cycleId: $cycleId) {
      fullName
      score
      rating
      periods {
        period
        label
        tasks
        late
        failedReviews
        excused
        assessment
        closed
        score {
          score
          tasks
          conduct
          reform
          citizens
        }
      }
    }
  }
`);

/** The periods of a cycle's kind: 1–4 quarters, 1–12 months, 1 year. */
export function periodNumbers(kind: 'YEAR' | 'QUARTER' | 'MONTH' | undefined): number[] {
  const count = kind === 'MONTH' ? 12 : kind === 'YEAR' ? 1 : 4;
  return Array.from({ length: count }, (_, index) => index + 1);
}

export function periodShortLabel(kind: 'YEAR' | 'QUARTER' | 'MONTH' | undefined, period: number): string {
  if (kind === 'MONTH') return `T${period}`;
  if (kind === 'YEAR') return 'Năm';
  return `Q${['I', 'II', 'III', 'IV'][period - 1] ?? period}`;
}
