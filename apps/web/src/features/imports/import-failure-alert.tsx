import { Alert } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import type { UploadError } from './upload-import.ts';

/** An upload the server refused: too large, offline, signed out, or its own words. */
export function ImportFailureAlert({ failure }: { failure: UploadError }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={
        failure.status === 413
          ? t('imports.tooLarge')
          : failure.status === 0
            ? t('error.network')
            : failure.status === 401
              ? t('error.sessionExpired')
              : t('imports.httpError', { message: failure.message })
      }
    />
  );
}
