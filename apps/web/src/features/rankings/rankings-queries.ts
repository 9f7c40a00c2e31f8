import { graphql, type ResultOf } from '../../graphql/graphql.ts';

export const BlockRankings = graphql(`
  query BlockRankings($cycleId: ID!) {
    blockRankings(cycleId: $cycleId) {
      id
      blockRank
      unitScore
      inScope
      collectiveTitles
      excellentAllowed
      excellentEligible
      excellentGranted
      unit {
        id
        name
        parent {
          id
          name
        }
        peopleCount
        block {
          id
          name
        }
      }
    }
  }
`);

export const UnitRanking = graphql(`
  query UnitRanking($cycleId: ID!, $unitId: ID!) {
    ranking(cycleId: $cycleId, unitId: $unitId) {
      rank
      result {
        id
        score
        finalRating
        titles
        person {
          id
          fullName
        }
        unit {
          id
          name
        }
      }
    }
  }
`);

export type BlockRankingRow = ResultOf<typeof BlockRankings>['blockRankings'][number];
export type RankedRow = ResultOf<typeof UnitRanking>['ranking'][number];
