// The audit log in the reader's words: what the API writes as codes (an action `reviewFlag`, an
// entity `Flag`, a field `finalRating`, a value `EXCELLENT`, an ISO instant) said the way the
// dictionaries say it, and the code itself when a newer API writes something not translated yet.
import type { Translate } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/vi.ts';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';

/** The dictionary's text for `key`, or `fallback` when the dictionary has none. */
function termOr(t: Translate, key: string, fallback: string): string {
  const text = t(key as MessageKey);
  return text === key ? fallback : text;
}

/** "reviewFlag" → "Xem xét cảnh báo". */
export function describeAction(t: Translate, action: string): string {
  return termOr(t, `audit.action.${action}`, action);
}

/** "EvaluationResult" → "Kết quả đánh giá". */
export function describeEntity(t: Translate, entity: string): string {
  return termOr(t, `audit.entity.${entity}`, entity);
}

/** "cycleId" → "Kỳ đánh giá"; a few fields mean something else on one entity (a proposal's title). */
export function describeField(t: Translate, entity: string, field: string): string {
  return termOr(t, `audit.field.${entity}.${field}`, termOr(t, `audit.field.${field}`, field));
}

/** Every entity the API writes to the log, for the filter (the unit test keeps it complete). */
export const auditEntities = [
  'Appeal',
  'Ballot',
  'CitizenVote',
  'CouncilSession',
  'Cycle',
  'DisciplineDecision',
  'DossierStat',
  'EvaluationResult',
  'EvaluationRun',
  'Flag',
  'HeadAssessment',
  'ImportBatch',
  'ImportMapping',
  'Infraction',
  'IssuedDocument',
  'JobPosition',
  'NationalExport',
  'PeriodClosure',
  'Person',
  'Product',
  'QuotaException',
  'SelfAssessment',
  'Session',
  'Task',
  'TitleAward',
  'TitleDecision',
  'TitleProposal',
  'Unit',
  'User',
] as const;

const ratingFields = new Set([
  'finalRating',
  'proposedRating',
  'engineRating',
  'requested',
  'rating',
  'ratingCeiling',
]);

/** Where the dictionary keeps the words of a field's codes: `rating.` for a rating, and so on. */
function codePrefix(entity: string, field: string): string | null {
  if (ratingFields.has(field)) return 'rating.';
  switch (field) {
    case 'review':
      return 'flagReview.';
    case 'role':
      return 'role.';
    case 'category':
      return 'category.';
    case 'result':
      return entity === 'Ballot' ? 'ballotResult.' : null;
    case 'choice':
      return 'vote.';
    case 'outcome':
      return 'appealStatus.';
    case 'title':
      return entity === 'TitleProposal' || entity === 'TitleAward' ? 'titleKind.' : null;
    case 'status':
      return (
        {
          Cycle: 'cycleStatus.',
          Appeal: 'appealStatus.',
          TitleProposal: 'proposalStatus.',
          Flag: 'flagStatus.',
          ImportBatch: 'imports.status.',
        }[entity] ?? null
      );
    case 'kind':
      return (
        {
          Flag: 'flag.',
          ImportBatch: 'imports.kind.',
          ImportMapping: 'imports.kind.',
          IssuedDocument: 'documentKind.',
          Unit: 'unitKind.',
          Infraction: 'evidence.option.',
        }[entity] ?? null
      );
    case 'form':
      return entity === 'DisciplineDecision' ? 'evidence.option.' : null;
    default:
      return null;
  }
}

// calendar dates the database keeps as midnight instants: shown as a day, not a time
const dayFields = new Set(['birthDate', 'validFrom', 'validTo', 'sensitiveSince', 'decidedUntil']);
const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const calendarDay = /^\d{4}-\d{2}-\d{2}$/;
const code = /^[A-Z][A-Z0-9_]*$/;

/** One value of an audited field as a reader says it: codes in words, dates in Vietnam's time. */
export function describeValue(t: Translate, entity: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return t(value ? 'app.yes' : 'app.no');
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') {
    if (calendarDay.test(value)) return formatDate(value);
    if (instant.test(value)) {
      return dayFields.has(field) || field.endsWith('On') ? formatDate(value) : formatDateTime(value);
    }
    if (code.test(value)) {
      const prefix = codePrefix(entity, field);
      const generic = termOr(t, `audit.value.${value}`, value);
      return prefix ? termOr(t, `${prefix}${value}`, generic) : generic;
    }
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return t('app.none');
    if (value.every((item) => item === null || typeof item !== 'object')) {
      return value.map((item) => describeValue(t, entity, field, item)).join(', ');
    }
    return t('audit.items', { count: formatNumber(value.length) });
  }
  if (typeof value === 'object') {
    return t('audit.items', { count: formatNumber(Object.keys(value).length) });
  }
  return String(value);
}

// bookkeeping every row carries: listed after the fields a reader came for
const bookkeeping = ['id', 'searchName', 'version', 'createdAt', 'updatedAt'];

/** The order fields are read in: the meaningful ones first, bookkeeping last. */
export function readingOrder(fields: string[]): string[] {
  const rank = (field: string) => bookkeeping.indexOf(field);
  return [...fields].sort((a, b) => rank(a) - rank(b));
}
