import { type RatingValue, ratingDisplayOrder } from '../results/rating-display.ts';
import type { CalibrationData } from './calibration-queries.ts';

/** The colour of each rating in the calibration charts. */
export const ratingColors: Record<RatingValue, string> = {
  EXCELLENT: '#237804',
  GOOD: '#0958d9',
  COMPLETED: '#876800',
  NOT_COMPLETED: '#a8071a',
  NOT_RATED: '#595959',
};
/** The ratings in the order the charts show them. */
export const ratings = ratingDisplayOrder;
/** Each rating's height on the evidence scatter. */
export const ratingLevel: Record<RatingValue, number> = {
  EXCELLENT: 4,
  GOOD: 3,
  COMPLETED: 2,
  NOT_COMPLETED: 1,
  NOT_RATED: 0,
};
/** How many units a chart shows at most. */
export const maxUnits = 24;

export type CalibrationUnit = CalibrationData['units'][number];

/** "Văn phòng · Sở Nội vụ": every department has a Văn phòng, so the parent tells them apart. */
export function unitLabel(unit: CalibrationUnit['unit']): string {
  return unit.parent ? `${unit.name} · ${unit.parent.name}` : unit.name;
}
