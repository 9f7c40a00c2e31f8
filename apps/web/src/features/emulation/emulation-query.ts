import { graphql, type ResultOf } from '../../graphql/graphql.ts';

export const EmulationQuery = graphql(`
  query Emulation($cycleId: ID!) {
    titleProposals(cycleId: $cycleId) {
      id
      title
      status
      eligible
      hasCriteria
      version
      createdAt
      reason
      needsBallot
      ballotThresholdPercent
      nomineeStanding {
        status
        reasons
        citation
      }
      person {
        id
        fullName
        code
        unit {
          id
          name
          parent {
            id
            name
          }
        }
      }
      unit {
        id
        name
        parent {
          id
          name
        }
      }
      eligibility {
        rule
        citation
        effect
        detail
      }
    }
    councilSessions(cycleId: $cycleId) {
      id
      number
      heldOn
      quorum
      status
      council {
        id
        name
      }
      ballots {
        id
        status
        result
        members
        hasVoted
        turnout
        myRecusal
        forCount
        againstCount
        abstainCount
        forPercent
        thresholdPercent
        version
        proposal {
          id
          title
          reason
          needsBallot
          hasCriteria
          ballotThresholdPercent
          nomineeStanding {
            status
            reasons
            citation
          }
          person {
            id
            fullName
            code
            unit {
              id
              name
              parent {
                id
                name
              }
            }
          }
          unit {
            id
            name
            parent {
              id
              name
            }
          }
          eligibility {
            rule
            citation
            effect
            detail
          }
        }
        recusals {
          reason
          member {
            id
            user {
              id
              displayName
            }
          }
        }
      }
    }
  }
`);

// Whether the viewer may propose a title is the API's answer for each result (role, scope, the
// cycle's step, not their own): the action shows when it says so for someone in the cycle.
export const ProposableQuery = graphql(`
  query EmulationProposable($cycleId: ID!) {
    results(cycleId: $cycleId, first: 5) {
      edges {
        node {
          id
          viewerCanProposeTitle
        }
      }
    }
  }
`);

type Data = ResultOf<typeof EmulationQuery>;
export type Proposal = Data['titleProposals'][number];
export type Session = Data['councilSessions'][number];
export type BallotRow = Session['ballots'][number] & { session: Session };

export function nominee(entry: {
  person?: { fullName: string } | null;
  unit?: { name: string } | null;
}): string {
  return entry.person?.fullName ?? entry.unit?.name ?? '–';
}
