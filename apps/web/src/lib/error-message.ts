import type { CombinedError } from 'urql';
import type { Translate } from '../i18n/i18n-context.tsx';
import { type ServerTextSource, serverText } from './server-text.ts';

/** A typed error result of a mutation (`… on Error { code message }` plus the extra fields some carry). */
export type ErrorResult = {
  __typename: string;
  code?: string;
  message?: string;
  allowed?: number;
  granted?: number;
  rule?: string;
  citation?: string | null;
  messageKey?: string | null;
  messageParams?: unknown;
  fields?: readonly (ServerTextSource & { field: string })[];
};

/** Plain words for an error result: the code decides the sentence, the server's message adds detail. */
export function describeErrorResult(error: ErrorResult, t: Translate): string {
  switch (error.__typename) {
    case 'QuotaExceededError':
      return t('error.QUOTA_EXCEEDED', { allowed: error.allowed ?? '?', granted: error.granted ?? '?' });
    case 'RuleViolationError': {
      const rule = error.citation ? `${error.rule}, ${error.citation}` : (error.rule ?? '');
      return t('error.RULE_VIOLATION', { rule, message: serverText(error, t) });
    }
    case 'ConflictError':
      return t('error.CONFLICT');
    case 'ForbiddenError':
      return t('error.FORBIDDEN');
    case 'NotFoundError':
      return t('error.NOT_FOUND');
    case 'ValidationError': {
      const detail = error.fields?.map((field) => serverText(field, t)).join('; ') || serverText(error, t);
      return t('error.BAD_USER_INPUT', { message: detail });
    }
    default:
      return t('error.unknown', { message: serverText(error, t) || error.__typename });
  }
}

/** A GraphQL error's message with the key and values the API put in its extensions. */
function sourceOf(error: CombinedError['graphQLErrors'][number] | undefined): ServerTextSource {
  if (!error) return {};
  const { messageKey, messageParams } = error.extensions ?? {};
  return {
    message: error.message,
    messageKey: typeof messageKey === 'string' ? messageKey : null,
    messageParams,
  };
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
      return t('error.BAD_USER_INPUT', { message: serverText(sourceOf(first), t) });
    default:
      return t('error.unknown', { message: serverText(sourceOf(first), t) || error.message });
  }
}
