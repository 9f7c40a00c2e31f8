import { graphql, type ResultOf } from '../../graphql/graphql.ts';

export const ResultFields = graphql(`
  fragment ResultFields on EvaluationResult {
    id
    version
    score
    proposedRating
    engineRating
    finalRating
    finalReason
    headComment
    titles
    awaitingAssessmentMessage
    selfAssessment {
      proposedRating
      achievements
      shortcomings
      submittedAt
    }
    viewerCanAdjust
    viewerCanCorrect
    viewerCanAssess
    components {
      tasks
      conduct
      reform
      citizens
    }
    person {
      id
      fullName
      code
    }
    unit {
      id
      name
      parent {
        id
        name
      }
    }
    flags {
      kind
      status
      rule
      reason
      review
    }
    trace {
      rule
      citation
      effect
      detail
    }
    decisions {
      id
      kind
      fromRating
      toRating
      reason
      number
      decidedAt
      decidedByName
      decidedBy {
        id
        displayName
      }
    }
  }
`);

export const ResultsQuery = graphql(
  `
  query ResultsPage($cycleId: ID!, $first: Int, $after: String, $filter: ResultsFilter, $orderBy: ResultOrder) {
    results(cycleId: $cycleId, first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges {
        node {
          ...ResultFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`,
  [ResultFields],
);

export type ResultRow = ResultOf<typeof ResultFields>;
