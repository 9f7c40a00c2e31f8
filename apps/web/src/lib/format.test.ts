import { describe, expect, it } from 'vitest';
import {
  foldDiacritics,
  formatDate,
  formatDateTime,
  formatInteger,
  formatNumber,
  formatPercent,
  formatScore,
  interpolate,
} from './format.ts';

describe('formatters', () => {
  it('shows dates as dd/MM/yyyy, and a dash when there is none', () => {
    expect(formatDate('2026-03-07')).toBe('07/03/2026');
    expect(formatDate(null)).toBe('–');
    expect(formatDate('not a date')).toBe('–');
  });

  it('shows date and time in Vietnam (UTC+7) as dd/MM/yyyy HH:mm, whatever the browser’s zone', () => {
    expect(formatDateTime('2026-12-31T01:05:00Z')).toBe('31/12/2026 08:05');
    // late evening in UTC is already the next morning in Hà Nội
    expect(formatDateTime('2026-12-31T20:30:00.000Z')).toBe('01/01/2027 03:30');
    expect(formatDate('2026-12-31T20:30:00.000Z')).toBe('01/01/2027');
    expect(formatDateTime(null)).toBe('–');
    expect(formatDateTime('garbage')).toBe('–');
  });

  it('uses Vietnamese separators', () => {
    expect(formatInteger(1234567)).toBe('1.234.567');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatScore(90)).toBe('90,0');
    expect(formatScore(96.4)).toBe('96,4');
    expect(formatScore(null)).toBe('–');
    expect(formatPercent(0.2)).toBe('20 %');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{a} của {b}', { a: 1 })).toBe('1 của {b}');
  });

  it('folds Vietnamese diacritics for search', () => {
    expect(foldDiacritics('Nguyễn Thị Đào')).toBe('nguyen thi dao');
  });
});
