import { Alert } from 'antd';
import { type Translate, useI18n } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/vi.ts';
import { serverWords } from '../../lib/server-text.ts';
import { DocumentApiError } from './document-api.ts';

const fieldKeys: Record<string, MessageKey> = {
  kind: 'documents.field.kind',
  cycleId: 'documents.field.cycleId',
  decisionId: 'documents.field.decisionId',
  number: 'documents.field.number',
  file: 'documents.field.file',
};

/** The sentences of a refusal: one per field the API names, else the reason it gives. */
export function refusalLines(error: unknown, t: Translate, locale: string): string[] {
  if (!(error instanceof DocumentApiError)) return [t('error.unexpected')];
  if (error.status === 0) return [t('error.network')];
  if (error.status === 401) return [t('error.sessionExpired')];
  if (error.fields.length > 0) {
    return error.fields.map((problem) => {
      const key = fieldKeys[problem.field];
      return `${key ? t(key) : problem.field}: ${serverWords(problem.message, locale)}`;
    });
  }
  if (error.status === 403) return [t('error.forbidden')];
  if (error.status === 413) return [t('documents.verify.tooLarge')];
  return [serverWords(error.message, locale)];
}

/** A refusal of the documents API as an alert, the fields it names one per line. */
export function RefusalAlert(props: { title: string; error: unknown; testId: string }) {
  const { t, locale } = useI18n();
  const lines = refusalLines(props.error, t, locale);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={props.testId}
      style={{ marginTop: 12 }}
      title={props.title}
      description={
        lines.length === 1 ? (
          lines[0]
        ) : (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )
      }
    />
  );
}
