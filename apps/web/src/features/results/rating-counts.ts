import { graphql } from '../../graphql/graphql.ts';

// Counts come from the server (totalCount of a filtered connection): the dashboard never loads a
// province's results into the browser to count them.
export const RatingCountsQuery = graphql(`
  query RatingCounts($cycleId: ID!, $unitId: ID) {
    excellent: results(cycleId: $cycleId, first: 1, filter: { unitId: $unitId, rating: EXCELLENT }) {
      totalCount
    }
    good: results(cycleId: $cycleId, first: 1, filter: { unitId: $unitId, rating: GOOD }) {
      totalCount
    }
    completed: results(cycleId: $cycleId, first: 1, filter: { unitId: $unitId, rating: COMPLETED }) {
      totalCount
    }
    notCompleted: results(cycleId: $cycleId, first: 1, filter: { unitId: $unitId, rating: NOT_COMPLETED }) {
      totalCount
    }
    notRated: results(cycleId: $cycleId, first: 1, filter: { unitId: $unitId, rating: NOT_RATED }) {
      totalCount
    }
  }
`);

export const FlagCountsQuery = graphql(`
  query FlagCounts($cycleId: ID!) {
    streamlining: flags(cycleId: $cycleId, first: 1, kind: STREAMLINING, review: PENDING) {
      totalCount
    }
    dismissal: flags(cycleId: $cycleId, first: 1, kind: DISMISSAL_REVIEW, review: PENDING) {
      totalCount
    }
    rotation: flags(cycleId: $cycleId, first: 1, kind: ROTATION, review: PENDING) {
      totalCount
    }
    weak: flags(cycleId: $cycleId, first: 1, kind: WEAK_PERFORMANCE, review: PENDING) {
      totalCount
    }
  }
`);

export type RatingCounts = {
  EXCELLENT: number;
  GOOD: number;
  COMPLETED: number;
  NOT_COMPLETED: number;
  NOT_RATED: number;
};

export function toRatingCounts(data: {
  excellent: { totalCount: number };
  good: { totalCount: number };
  completed: { totalCount: number };
  notCompleted: { totalCount: number };
  notRated: { totalCount: number };
}): RatingCounts {
  return {
    EXCELLENT: data.excellent.totalCount,
    GOOD: data.good.totalCount,
    COMPLETED: data.completed.totalCount,
    NOT_COMPLETED: data.notCompleted.totalCount,
    NOT_RATED: data.notRated.totalCount,
  };
}
