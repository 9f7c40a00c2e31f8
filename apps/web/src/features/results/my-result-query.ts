import { graphql } from '../../graphql/graphql.ts';

export const MyResultQuery = graphql(`
  query MyResultPage($cycleId: ID!) {
    myResult(cycleId: $cycleId) {
      id
      score
      finalRating
      finalReason
      headComment
      titles
      components {
        tasks
        conduct
        reform
        citizens
      }
      trace {
        rule
        citation
        effect
        detail
      }
    }
    myAppeals(cycleId: $cycleId) {
      id
      status
      reason
      requested
      outcome
      filedAt
      decidedAt
      version
      attachments {
        id
        fileName
        size
        downloadUrl
      }
    }
    cycle(id: $cycleId) {
      id
      mySelfAssessment {
        id
        achievements
        shortcomings
        proposedRating
        submittedAt
        version
      }
    }
  }
`);
