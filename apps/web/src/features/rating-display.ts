import type { introspection_types } from '../generated/graphql-env.d.ts';

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
