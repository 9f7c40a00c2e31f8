// Dates are calendar days (YYYY-MM-DD) without time zones; the engine compares day numbers.

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

// Real evidence repeats a few hundred distinct dates over millions of rows: parse each once.
const dayCache = new Map<string, number | null>();

/** Days since 1970-01-01 for a valid YYYY-MM-DD date, or null when the text is not a real date. */
export function parseDay(text: string): number | null {
  let day = dayCache.get(text);
  if (day === undefined) {
    day = parseDayUncached(text);
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(text, day);
  }
  return day;
}

function parseDayUncached(text: string): number | null {
  const match = isoDate.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms / 86_400_000;
}

/** Day number of a date already validated by parseDay. */
export function dayOf(text: string): number {
  const day = parseDay(text);
  if (day === null) throw new Error(`not a date: ${text}`);
  return day;
}

export function yearOfDay(day: number): number {
  return new Date(day * 86_400_000).getUTCFullYear();
}

export function dayFromParts(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** The same calendar day `months` months later (clamped to the month's end). */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * 86_400_000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) / 86_400_000;
}

/** dd/MM/yyyy, the way Vietnamese documents write dates. */
export function formatDay(text: string): string {
  const match = isoDate.exec(text);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : text;
}
