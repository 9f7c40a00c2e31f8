import { csrfHeaderName, getCsrfToken } from '../../lib/csrf-token.ts';

// The REST side of official documents (/api/documents, see docs/documents.md): issuing a decision
// or report (numbered and signed by the server), verifying an uploaded signed PDF, and making the
// file for the national personnel database. The session cookie travels with each request; a POST
// carries the CSRF header as GraphQL does.

export const issuableKinds = ['RATING_DECISION', 'TITLE_DECISION', 'CYCLE_REPORT'] as const;
export type IssuableKind = (typeof issuableKinds)[number];

export type FieldProblem = { field: string; message: string };

/** A refusal of the API: its sentence (Vietnamese / English), its code and the fields it names. */
export class DocumentApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
    readonly fields: readonly FieldProblem[],
  ) {
    super(message);
    this.name = 'DocumentApiError';
  }
}

export type IssuedFile = { id: string | null; number: string; sha256: string | null };

export type SignatureCheck = {
  signed: boolean;
  valid: boolean;
  coversWholeFile: boolean;
  signerName: string | null;
  subject: string | null;
  issuer: string | null;
  demo: boolean;
  signedAt: string | null;
  reason: string | null;
  problems: string[];
};

export type ExportedFile = { fileName: string; sha256: string | null; blob: Blob };

async function refusal(response: Response): Promise<DocumentApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // not JSON: the status speaks
  }
  const fields = Array.isArray(body.fields)
    ? (body.fields as unknown[]).flatMap((item) => {
        const field = item as { field?: unknown; message?: unknown };
        return typeof field.field === 'string' && typeof field.message === 'string'
          ? [{ field: field.field, message: field.message }]
          : [];
      })
    : [];
  return new DocumentApiError(
    typeof body.error === 'string' ? body.error : `HTTP ${response.status}`,
    response.status,
    typeof body.code === 'string' ? body.code : null,
    fields,
  );
}

async function send(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.method && init.method !== 'GET') {
    const token = getCsrfToken();
    if (token) headers.set(csrfHeaderName, token);
  }
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers, credentials: 'include' });
  } catch {
    throw new DocumentApiError('network', 0, 'NETWORK', []);
  }
  if (!response.ok) throw await refusal(response);
  return response;
}

/** Issues (numbers and signs) a document of the cycle; a title decision names its decision. */
export async function issueDocument(options: {
  kind: IssuableKind;
  cycleId: string;
  decisionId?: string | null | undefined;
}): Promise<IssuedFile> {
  const query = new URLSearchParams({ kind: options.kind, cycleId: options.cycleId });
  if (options.decisionId) query.set('decisionId', options.decisionId);
  const response = await send(`/api/documents/issue?${query}`, { method: 'POST' });
  // the body is the signed PDF; the register's list offers it for download
  await response.body?.cancel().catch(() => undefined);
  const number = response.headers.get('x-document-number');
  return {
    id: response.headers.get('x-document-id'),
    number: number ? decodeURIComponent(number) : '',
    sha256: response.headers.get('x-document-sha256'),
  };
}

/** Checks the signature of a PDF the user picked. */
export async function verifyPdf(file: File): Promise<SignatureCheck> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await send('/api/documents/verify', { method: 'POST', body: form });
  return (await response.json()) as SignatureCheck;
}

/** The state of an export built by a job (/api/export-jobs). */
export type ExportJobState = {
  id: string;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  message: string | null;
  statusUrl: string;
  downloadUrl: string | null;
};

/**
 * Asks the server to build a large export (the results workbook, the national database file),
 * follows the job until the file is built, then downloads it. `onState` hears each state seen;
 * a FAILED job is thrown as the server's refusal.
 */
export async function runExportJob(options: {
  file: 'results.xlsx' | 'national-export.json' | 'national-export.xml';
  cycleId: string;
  unitId?: string | null | undefined;
  onState?: (state: ExportJobState) => void;
  pollMs?: number;
}): Promise<ExportedFile> {
  const query = new URLSearchParams({ file: options.file, cycleId: options.cycleId });
  if (options.unitId) query.set('unitId', options.unitId);
  let state = (await (await send(`/api/export-jobs?${query}`, { method: 'POST' })).json()) as ExportJobState;
  options.onState?.(state);
  while (state.status === 'QUEUED' || state.status === 'RUNNING') {
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
    state = (await (await send(state.statusUrl)).json()) as ExportJobState;
    options.onState?.(state);
  }
  if (state.status === 'FAILED' || !state.downloadUrl) {
    throw new DocumentApiError(state.message ?? 'export failed', 422, 'EXPORT_FAILED', []);
  }
  const response = await send(state.downloadUrl);
  return {
    fileName: fileNameOf(response.headers.get('content-disposition')) ?? options.file,
    sha256: response.headers.get('x-export-sha256'),
    blob: await response.blob(),
  };
}

/** Makes (and records) the national database file of a cycle, built by a job on the server. */
export function exportNational(options: { cycleId: string; format: 'json' | 'xml' }): Promise<ExportedFile> {
  return runExportJob({ file: `national-export.${options.format}`, cycleId: options.cycleId });
}

/** The file name of a Content-Disposition header, the UTF-8 form first. */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      // fall back to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? null;
}

/** Hands a fetched file to the browser as a download. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
