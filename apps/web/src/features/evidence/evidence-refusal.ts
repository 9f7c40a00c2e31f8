import type { Translate } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../../lib/error-message.ts';

export function reasonMissing(reason: string): boolean {
  return reason.trim().length < 5;
}

/** The API's refusal: on the field it names when it names the value or the reason, else above the form. */
export type Refusal = { general: string | null; value: string | null; reason: string | null };

function toRefusal(
  outcome: {
    __typename: string;
    code?: string;
    message?: string;
    fields?: readonly { field: string; message: string }[];
  },
  t: Translate,
): Refusal {
  const onField = (name: string) => outcome.fields?.find((field) => field.field === name)?.message ?? null;
  const value = onField('input.value');
  const reason = onField('input.reason');
  return { general: value || reason ? null : describeErrorResult(outcome, t), value, reason };
}

export const noRefusal: Refusal = { general: null, value: null, reason: null };

type Outcome = Parameters<typeof toRefusal>[0];

/** What a correction or a deletion answered: null when it went through, else the refusal to show. */
export function refusalOf(
  response: { error?: Parameters<typeof describeCombinedError>[0] | undefined },
  outcome: Outcome | undefined,
  success: string,
  t: Translate,
): Refusal | null {
  if (!outcome)
    return { ...noRefusal, general: response.error ? describeCombinedError(response.error, t) : null };
  return outcome.__typename === success ? null : toRefusal(outcome, t);
}
