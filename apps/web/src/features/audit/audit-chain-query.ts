import { graphql } from '../../graphql/graphql.ts';

export const AuditChain = graphql(`
  query AuditChain {
    auditChain {
      valid
      checked
      brokenAtId
    }
  }
`);
