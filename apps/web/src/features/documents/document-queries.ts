import { graphql, type ResultOf } from '../../graphql/graphql.ts';

export const IssuedDocumentsQuery = graphql(`
  query IssuedDocuments($cycleId: ID!) {
    issuedDocuments(cycleId: $cycleId) {
      id
      kind
      number
      issuedOn
      title
      sha256
      signerName
      certificateSubject
      signedAt
      downloadUrl
    }
    titleDecisions(cycleId: $cycleId) {
      id
      kind
      number
      decidedOn
    }
  }
`);

export const NationalExportsQuery = graphql(`
  query NationalExports($cycleId: ID!) {
    nationalExports(cycleId: $cycleId) {
      id
      format
      fileName
      sha256
      bytes
      records
      decidedUntil
      dueOn
      createdByName
      createdAt
    }
    nationalExportDeadlines {
      cycleId
      cycleName
      year
      decidedUntil
      dueOn
      lastSentAt
      lastSha256
      status
    }
  }
`);

export type IssuedDocumentRow = ResultOf<typeof IssuedDocumentsQuery>['issuedDocuments'][number];
export type TitleDecisionRow = ResultOf<typeof IssuedDocumentsQuery>['titleDecisions'][number];
export type NationalExportRow = ResultOf<typeof NationalExportsQuery>['nationalExports'][number];
export type NationalDeadlineRow = ResultOf<typeof NationalExportsQuery>['nationalExportDeadlines'][number];
export type DocumentKind = IssuedDocumentRow['kind'];
export type NationalStatus = NationalDeadlineRow['status'];

/** The first characters of a checksum, as an officer compares it by eye. */
export function shortSha(sha256: string | null | undefined): string {
  return sha256 ? sha256.slice(0, 12) : '–';
}
