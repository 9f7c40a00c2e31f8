import dayjs from 'dayjs';

// Dates are shown dd/MM/yyyy and numbers with Vietnamese separators (1.234,5) in both languages:
// the users work in Vietnamese offices and their documents follow that convention.

export type Locale = 'vi' | 'en';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, digits: number, minimum = 0): Intl.NumberFormat {
  const key = `${locale}:${digits}:${minimum}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', {
      maximumFractionDigits: digits,
      minimumFractionDigits: minimum,
    });
    numberFormats.set(key, format);
  }
  return format;
}

/** Numbers the Vietnamese way (1.234,5) by default. */
export function formatNumber(value: number | null | undefined, locale: Locale = 'vi', digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return numberFormat(locale, digits).format(value);
}

/** Whole numbers with Vietnamese separators (1.234.567). */
export function formatInteger(value: number | null | undefined): string {
  return formatNumber(value, 'vi', 0);
}

/** Scores keep one decimal, as the engine rounds them (96,4). */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return numberFormat('vi', 1, 1).format(value);
}

/** A ratio 0–1 as a whole percentage (20 %). */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '–';
  return `${numberFormat('vi', 0).format(ratio * 100)} %`;
}

/** Vietnam's legal time: what an office in Hà Nội reads, wherever the browser runs (UTC+7, no DST). */
export const officeTimeZone = 'Asia/Ho_Chi_Minh';

const officeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: officeTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The day and time of an instant in Vietnam, or null when it is not a date. */
function inOffice(value: string | Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> | null {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const parts = Object.fromEntries(officeParts.formatToParts(date).map((part) => [part.type, part.value]));
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}

/**
 * Dates as dd/MM/yyyy in both languages (the official format in Vietnamese documents). A calendar
 * date ("2026-12-15", a deadline) is shown as it is; an instant (a decision's time) as its day in
 * Vietnam.
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '–';
  if (typeof value === 'string') {
    const calendar = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (calendar) return dayjs(value).isValid() ? `${calendar[3]}/${calendar[2]}/${calendar[1]}` : '–';
  }
  const parts = inOffice(value);
  return parts ? `${parts.day}/${parts.month}/${parts.year}` : '–';
}

/** An instant as dd/MM/yyyy HH:mm in Vietnam's time (Asia/Ho_Chi_Minh), whatever the browser's zone. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '–';
  const parts = inOffice(value);
  return parts ? `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}` : '–';
}

/** Fills `{name}` placeholders. */
export function interpolate(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/** Lower-case, without Vietnamese diacritics: for matching typed text against names locally. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}
