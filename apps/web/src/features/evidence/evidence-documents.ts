import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';

// A person's imported evidence of a cycle, and the corrections of it (apps/api domains/evidence).

export const PersonEvidenceQuery = graphql(`
  query PersonEvidence($cycleId: ID!, $personId: ID!) {
    personEvidence(cycleId: $cycleId, personId: $personId) {
      personId
      fullName
      periodKind
      mayCorrect
      rows {
        id
        kind
        period
        periodClosed
        label
        version
        fields {
          name
          type
          value
          correctable
          nullable
          min
          options
        }
        source {
          batchId
          fileName
          importKind
          importedAt
          importedBy
        }
      }
    }
  }
`);

export const CorrectEvidenceMutation = graphql(
  `
  mutation CorrectEvidence($input: CorrectEvidenceInput!) {
    correctEvidence(input: $input) {
      __typename
      ... on CorrectEvidenceSuccess {
        data {
          id
          version
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

export const DeleteEvidenceMutation = graphql(
  `
  mutation DeleteEvidence($input: DeleteEvidenceInput!) {
    deleteEvidence(input: $input) {
      __typename
      ... on DeleteEvidenceSuccess {
        data {
          id
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

export type PersonEvidenceView = NonNullable<ResultOf<typeof PersonEvidenceQuery>['personEvidence']>;
export type EvidenceRow = PersonEvidenceView['rows'][number];
export type EvidenceField = EvidenceRow['fields'][number];
export type EvidenceKind = EvidenceRow['kind'];

export const evidenceKindOrder: EvidenceKind[] = [
  'TASK',
  'DOSSIER',
  'CITIZEN_VOTE',
  'DISCIPLINE',
  'INFRACTION',
];
