// Ratings and titles with their Vietnamese names, in the order forms and reports list them.
import { RATING_LABELS, TITLE_LABELS } from './packs.ts';
import {
  COLLECTIVE_TITLES,
  type CollectiveTitle,
  RATING_VALUES,
  type Rating,
  TITLE_VALUES,
  type Title,
} from './types.ts';

export const RATINGS: readonly { value: Rating; label: string; en: string }[] = RATING_VALUES.map(
  (value) => ({
    value,
    label: RATING_LABELS[value].vi,
    en: RATING_LABELS[value].en,
  }),
);

export const TITLES: readonly {
  value: Title | CollectiveTitle;
  label: string;
  en: string;
  collective: boolean;
}[] = [
  ...TITLE_VALUES.map((value) => ({
    value,
    label: TITLE_LABELS[value].vi,
    en: TITLE_LABELS[value].en,
    collective: false,
  })),
  ...COLLECTIVE_TITLES.map((value) => ({
    value,
    label: TITLE_LABELS[value].vi,
    en: TITLE_LABELS[value].en,
    collective: true,
  })),
];
