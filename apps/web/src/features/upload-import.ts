import { csrfHeaderName, getCsrfToken } from '../lib/csrf-token.ts';

export type ImportKind =
  | 'UNITS'
  | 'PEOPLE'
  | 'TASKS'
  | 'DOSSIERS'
  | 'CITIZEN_VOTES'
  | 'DISCIPLINE'
  | 'INFRACTIONS'
  | 'INITIATIVES';

export const importKinds: readonly { kind: ImportKind; needsCycle: boolean }[] = [
  { kind: 'UNITS', needsCycle: false },
  { kind: 'PEOPLE', needsCycle: false },
  { kind: 'TASKS', needsCycle: true },
  { kind: 'DOSSIERS', needsCycle: true },
  { kind: 'CITIZEN_VOTES', needsCycle: true },
  { kind: 'DISCIPLINE', needsCycle: false },
  { kind: 'INFRACTIONS', needsCycle: true },
  { kind: 'INITIATIVES', needsCycle: false },
];

export type RowError = { row: number; field: string; value?: string | null; message: string };

export type ImportOutcome = {
  batchId: string;
  kind: ImportKind;
  status: 'APPLIED' | 'FAILED' | 'VALIDATING';
  fileName: string;
  totalRows: number;
  validRows: number;
  errorCount: number;
  errors: RowError[];
  errorReport: { xlsx: string; csv: string } | null;
};

/** A refusal before any row was read (no file, wrong kind, too large, not logged in). */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
  ) {
    super(message);
  }
}

export function templateUrl(kind: ImportKind, format: 'xlsx' | 'csv' = 'xlsx'): string {
  return `/api/import/templates/${kind.toLowerCase().replace(/_/g, '-')}.${format}`;
}

/**
 * Posts the file as multipart to POST /api/import. XMLHttpRequest rather than fetch: it reports
 * upload progress, which a large workbook on a slow office line needs.
 */
export function uploadImport(options: {
  kind: ImportKind;
  cycleId: string | null;
  file: File;
  onProgress: (percent: number) => void;
}): Promise<ImportOutcome> {
  const query = new URLSearchParams({ kind: options.kind });
  if (options.cycleId) query.set('cycleId', options.cycleId);
  const form = new FormData();
  form.append('file', options.file, options.file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/import?${query}`);
    request.withCredentials = true;
    const token = getCsrfToken();
    if (token) request.setRequestHeader(csrfHeaderName, token);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onerror = () => reject(new UploadError('network', 0, null));
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // not JSON: reported by status below
      }
      const record = (body ?? {}) as Record<string, unknown>;
      if ((request.status === 200 || request.status === 422) && typeof record.batchId === 'string') {
        resolve(body as ImportOutcome);
        return;
      }
      const fields = Array.isArray(record.fields)
        ? (record.fields as { message?: string }[])
            .map((field) => field.message)
            .filter(Boolean)
            .join('; ')
        : '';
      const message = fields || (typeof record.error === 'string' ? record.error : `HTTP ${request.status}`);
      reject(new UploadError(message, request.status, typeof record.code === 'string' ? record.code : null));
    };
    request.send(form);
  });
}
