import { graphql } from './graphql.ts';

/**
 * What every mutation asks of a typed error result — the code and message, and the fields some
 * errors carry — so lib/error-message.ts can put any of them in words. Unmasked: its fields read as
 * if written in the mutation.
 */
export const MutationError = graphql(`
  fragment MutationError on Error @_unmask {
    code
    message
    messageKey
    messageParams
    ... on ValidationError {
      fields {
        field
        message
        messageKey
        messageParams
      }
    }
    ... on ConflictError {
      currentVersion
    }
    ... on QuotaExceededError {
      allowed
      granted
    }
    ... on RuleViolationError {
      rule
      citation
    }
  }
`);
