/** The tag colour of the engine's standing for a title: granted, eligible, not eligible. */
export function standingColor(status: 'GRANTED' | 'ELIGIBLE' | 'NOT_ELIGIBLE'): string {
  return status === 'NOT_ELIGIBLE' ? 'red' : status === 'GRANTED' ? 'green' : 'blue';
}
