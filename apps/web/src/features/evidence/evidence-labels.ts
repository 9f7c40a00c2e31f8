import type { Translate } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/vi.ts';
import { formatDate } from '../../lib/format.ts';
import { periodShortLabel } from '../periods/period-documents.ts';
import type { EvidenceField, EvidenceRow, PersonEvidenceView } from './evidence-documents.ts';

export function fieldLabel(name: string, t: Translate): string {
  const key = `evidence.field.${name}` as MessageKey;
  const label = t(key);
  return label === key ? name : label;
}

export function optionLabel(value: string, t: Translate): string {
  const key = `evidence.option.${value}` as MessageKey;
  const label = t(key);
  return label === key ? value : label;
}

/** A value as a reader expects it: dates dd/mm/yyyy, yes/no, the choice's name. */
export function showValue(field: Pick<EvidenceField, 'type' | 'value'>, t: Translate): string {
  if (field.value === null) return '–';
  switch (field.type) {
    case 'DATE':
      return formatDate(field.value);
    case 'BOOLEAN':
      return field.value === 'true' ? t('app.yes') : t('app.no');
    case 'CHOICE':
      return optionLabel(field.value, t);
    default:
      return field.value;
  }
}

/** What names a row in a sentence: its kind, what tells it apart, its period. */
export function rowTitle(
  row: EvidenceRow,
  periodKind: PersonEvidenceView['periodKind'],
  t: Translate,
): string {
  const period = row.period === null ? t('evidence.wholeYear') : periodShortLabel(periodKind, row.period);
  return [t(`evidence.kind.${row.kind}`), row.label, period].filter(Boolean).join(' · ');
}
