import { App } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult, type ErrorResult } from '../../lib/error-message.ts';

type Outcome = { __typename: string } | undefined;

/** Turns a mutation answer into a toast or an error sentence; true when it succeeded. */
export function useReport() {
  const t = useT();
  const { message } = App.useApp();
  return (
    result: { data?: Record<string, Outcome> | null; error?: Parameters<typeof describeCombinedError>[0] },
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
    if (payload) void message.error(describeErrorResult(payload as ErrorResult, t));
    return false;
  };
}
