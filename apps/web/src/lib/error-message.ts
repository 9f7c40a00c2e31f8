import type { CombinedError } from 'urql';
import type { Translate } from '../i18n/i18n-context.tsx';

/** A typed error result of a mutation (`… on Error { code message }` plus the extra fields some carry). */
export type ErrorResult = {
  __typename: string;
  code?: string;
  message?: string;
  allowed?: number;
  granted?: number;
  rule?: string;
  citation?: string | null;
  fields?: readonly { field: string; message: string }[];
};

/** Plain words for an error result: the code decides the sentence, the server's message adds detail. */
export function describeErrorResult(error: ErrorResult, t: Translate): string {
  switch (error.__typename) {
    case 'QuotaExceededError':
      return t('error.QUOTA_EXCEEDED', { allowed: error.allowed ?? '?', granted: error.granted ?? '?' });
    case 'RuleViolationError': {
      const rule = error.citation ? `${error.rule}, ${error.citation}` : (error.rule ?? '');
      return t('error.RULE_VIOLATION', { rule, message: error.message ?? '' });
    }
    case 'ConflictError':
      return t('error.CONFLICT');
    case 'ForbiddenError':
      return t('error.FORBIDDEN');
    case 'NotFoundError':
      return t('error.NOT_FOUND');
    case 'ValidationError': {
      const detail = error.fields?.map((field) => field.message).join('; ') || error.message || '';
      return t('error.BAD_USER_INPUT', { message: detail });
    }
    default:
      return t('error.unknown', { message: error.message ?? error.__typename });
  }
}

/** Plain words for a transport or GraphQL error. */
export function describeCombinedError(error: CombinedError, t: Translate): string {
  if (error.networkError) return t('login.network');
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code;
  switch (code) {
    case 'UNAUTHENTICATED':
      return t('error.UNAUTHENTICATED');
    case 'FORBIDDEN':
      return t('error.FORBIDDEN');
    case 'NOT_FOUND':
      return t('error.NOT_FOUND');
    case 'RATE_LIMITED':
      return t('error.RATE_LIMITED');
    case 'CONFLICT':
      return t('error.CONFLICT');
    case 'BAD_USER_INPUT':
      return t('error.BAD_USER_INPUT', { message: first?.message ?? '' });
    default:
      return t('error.unknown', { message: first?.message ?? error.message });
  }
}
