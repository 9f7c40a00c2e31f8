import { App } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult, type ErrorResult } from '../../lib/error-message.ts';
import { serverWords } from '../../lib/server-text.ts';

export function useReport() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  return (
    result: {
      data?: Record<string, { __typename: string } | undefined> | null;
      error?: Parameters<typeof describeCombinedError>[0];
    },
    done: string,
  ) => {
    if (result.error) {
      void message.error(describeCombinedError(result.error, t));
      return false;
    }
    // the one field of the mutation's answer (the cache may add the root's __typename beside it)
    const payload = Object.values(result.data ?? {}).find(
      (value): value is { __typename: string } =>
        typeof value === 'object' && value !== null && '__typename' in value,
    );
    if (payload?.__typename.endsWith('Success')) {
      void message.success(done);
      return true;
    }
    if (payload) {
      const error = payload as ErrorResult;
      // a refusal that names its reason (a recusal, a closed ballot) is shown in the API's words
      const reason =
        error.__typename === 'ForbiddenError' || error.__typename === 'ConflictError'
          ? serverWords(error.message, locale)
          : '';
      void message.error(reason || describeErrorResult(error, t));
    }
    return false;
  };
}
