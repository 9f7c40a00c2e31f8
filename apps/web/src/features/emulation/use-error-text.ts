import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult, type ErrorResult } from '../../lib/error-message.ts';

export function useErrorText() {
  const t = useT();
  return (
    result: { error?: Parameters<typeof describeCombinedError>[0] },
    payload: { __typename: string } | undefined,
  ) => {
    if (result.error) return describeCombinedError(result.error, t);
    if (payload && !payload.__typename.endsWith('Success'))
      return describeErrorResult(payload as ErrorResult, t);
    return null;
  };
}
