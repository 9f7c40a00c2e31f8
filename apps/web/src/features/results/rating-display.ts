import type { introspection_types } from '../../generated/graphql-env.d.ts';
import type { Translate } from '../../i18n/i18n-context.tsx';

// How ratings are shown, nothing more: which rating a person may be given is the API's to say
// (EvaluationResult.ratingChoices, from the rules engine).

/** A rating as the API's `Rating` enum names it. */
export type RatingValue = introspection_types['Rating']['enumValues'];

/** Best first: the order of ratings in lists, filters and charts. */
export const ratingDisplayOrder: readonly RatingValue[] = [
  'EXCELLENT',
  'GOOD',
  'COMPLETED',
  'NOT_COMPLETED',
  'NOT_RATED',
];

/** A rating choice as the API answers it (EvaluationResult.ratingChoices). */
type RatingChoiceAnswer = {
  allowed: boolean;
  rule?: string | null;
  citation?: string | null;
  reason?: string | null;
};

/** Why the engine refuses a choice, in words with its citation; null when it is allowed. */
export function ratingChoiceRefusal(choice: RatingChoiceAnswer, t: Translate): string | null {
  if (choice.allowed) return null;
  return t('results.forbiddenByRule', {
    detail: choice.reason ?? '',
    citation: choice.citation ?? choice.rule ?? '',
  });
}
