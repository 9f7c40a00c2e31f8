import type { useT } from '../../i18n/i18n-context.tsx';

const knownTitles = [
  'LDTT',
  'CSTDCS',
  'CSTD_TINH',
  'CSTD_TOAN_QUOC',
  'BANG_KHEN',
  'GIAY_KHEN',
  'TAP_THE_LDTT',
  'TAP_THE_LDXS',
] as const;
type KnownTitle = (typeof knownTitles)[number];

/** An emulation title's name in the viewer's language (a title the app does not know stays as it came). */
export function titleLabel(title: string, t: ReturnType<typeof useT>): string {
  return (knownTitles as readonly string[]).includes(title) ? t(`title.${title as KnownTitle}`) : title;
}

/** The title's abbreviation (LĐTT, CSTĐCS…), as the tables show it. */
export function titleShort(title: string, t: ReturnType<typeof useT>): string {
  return (knownTitles as readonly string[]).includes(title) ? t(`titleShort.${title as KnownTitle}`) : title;
}
