import { csrfHeaderName, getCsrfToken } from '../../lib/csrf-token.ts';
import { foldDiacritics } from '../../lib/format.ts';
import { readXlsxHeadings } from './read-xlsx-headings.ts';

export type ImportKind =
  | 'UNITS'
  | 'PEOPLE'
  | 'TASKS'
  | 'DOSSIERS'
  | 'CITIZEN_VOTES'
  | 'DISCIPLINE'
  | 'INFRACTIONS'
  | 'INITIATIVES'
  | 'PRODUCTS'
  | 'TASK_ASSIGNMENTS'
  | 'ONE_STOP_STATS';

export const importKinds: readonly { kind: ImportKind; needsCycle: boolean }[] = [
  { kind: 'UNITS', needsCycle: false },
  { kind: 'PEOPLE', needsCycle: false },
  { kind: 'TASKS', needsCycle: true },
  { kind: 'DOSSIERS', needsCycle: true },
  { kind: 'CITIZEN_VOTES', needsCycle: true },
  { kind: 'DISCIPLINE', needsCycle: false },
  { kind: 'INFRACTIONS', needsCycle: true },
  { kind: 'INITIATIVES', needsCycle: false },
  // the systems agencies already run: their exports are read through a mapping saved per source
  { kind: 'PRODUCTS', needsCycle: true },
  { kind: 'TASK_ASSIGNMENTS', needsCycle: true },
  { kind: 'ONE_STOP_STATS', needsCycle: true },
];

export function isImportKind(value: string | undefined): value is ImportKind {
  return importKinds.some((item) => item.kind === value);
}

/** A refused row as the API reports it (message in Vietnamese, key and values to translate it). */
export type RowError = {
  row: number;
  field: string;
  value?: string | null;
  message: string;
  messageKey?: string | null;
  messageParams?: unknown;
};

export type ImportStatus = 'QUEUED' | 'VALIDATING' | 'APPLIED' | 'FAILED';

export type ImportOutcome = {
  batchId: string;
  kind: ImportKind;
  status: ImportStatus;
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
 * upload progress, which a large workbook on a slow office line needs. The API answers 202 once
 * the file is stored and its batch QUEUED (a worker then reads, checks and writes it: see
 * followImportBatch), or 200/422 with the outcome when it has finished already.
 */
export function uploadImport(options: {
  kind: ImportKind;
  cycleId: string | null;
  /** a source system whose saved mapping renames the file's headings (none: the template's own) */
  source?: string | null;
  file: File;
  onProgress: (percent: number) => void;
}): Promise<ImportOutcome> {
  const query = new URLSearchParams({ kind: options.kind });
  if (options.cycleId) query.set('cycleId', options.cycleId);
  if (options.source?.trim()) query.set('source', options.source.trim());
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
      if ([200, 202, 422].includes(request.status) && typeof record.batchId === 'string') {
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

/** A batch as importBatch(id) shows it while its job works and once it has finished. */
export type BatchSnapshot = {
  status: ImportStatus;
  totalRows: number;
  validRows: number;
  /** about how many data rows the file holds (known once a worker has taken it) */
  expectedRows?: number | null;
  errorCount: number;
  errorReportUrl: string | null;
  errors: readonly RowError[];
};

/**
 * How far the batch's job is, as a percentage of the rows it has read of those the file holds;
 * null while that is not known. Never 100 before the end: the rows are still checked against the
 * database and written once all are read.
 */
export function jobPercent(batch: BatchSnapshot): number | null {
  if (isFinished(batch.status)) return 100;
  if (batch.status !== 'VALIDATING' || !batch.expectedRows) return null;
  return Math.min(99, Math.floor((batch.totalRows / batch.expectedRows) * 100));
}

export function isFinished(status: ImportStatus): boolean {
  return status === 'APPLIED' || status === 'FAILED';
}

/**
 * Follows a queued batch until its job has finished: reads it every `intervalMs` (through
 * `readBatch`, the importBatch query), reports each reading, and gives the outcome in the upload's
 * own shape. A reading that fails (a network hiccup) is retried at the next tick; the batch gone
 * (null) is an error. Stops, with an AbortError, when `signal` aborts (the page was left).
 */
export async function followImportBatch(options: {
  queued: ImportOutcome;
  readBatch: (batchId: string) => Promise<BatchSnapshot | null>;
  onProgress: (batch: BatchSnapshot) => void;
  intervalMs?: number;
  signal?: AbortSignal;
}): Promise<ImportOutcome> {
  const { queued } = options;
  if (isFinished(queued.status)) return queued;
  const intervalMs = options.intervalMs ?? 1000;
  let failures = 0;
  for (;;) {
    await sleep(intervalMs, options.signal);
    let batch: BatchSnapshot | null;
    try {
      batch = await options.readBatch(queued.batchId);
      failures = 0;
    } catch (error) {
      failures += 1;
      if (failures >= 30) throw error;
      continue;
    }
    if (!batch) throw new UploadError('batch not found', 404, 'NOT_FOUND');
    options.onProgress(batch);
    if (!isFinished(batch.status)) continue;
    const failed = batch.status === 'FAILED';
    const csv = batch.errorReportUrl?.replace(/\.xlsx$/, '.csv');
    return {
      ...queued,
      status: batch.status,
      totalRows: batch.totalRows,
      validRows: batch.validRows,
      errorCount: batch.errorCount,
      errors: failed ? [...batch.errors] : [],
      errorReport: failed && batch.errorReportUrl && csv ? { xlsx: batch.errorReportUrl, csv } : null,
    };
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const left = () => new DOMException('the page was left', 'AbortError');
    if (signal?.aborted) {
      reject(left());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(left());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A heading as the API compares it: without diacritics, case or punctuation. */
export function headingKey(text: string): string {
  return foldDiacritics(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The headings of a CSV's first row. The delimiter is the header's own, as the API reads it: Excel
 * writes commas or, under a Vietnamese or European locale, semicolons.
 */
export function readCsvHeadings(text: string): string[] {
  const body = text.replace(/^\uFEFF/, '');
  const bare = body.slice(0, body.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  const count = (delimiter: string) => bare.split(delimiter).length - 1;
  const delimiter = [';', '\t'].find((candidate) => count(candidate) > count(',')) ?? ',';
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') break;
    else cell += char;
  }
  cells.push(cell);
  return cells.map((heading) => heading.trim()).filter(Boolean);
}

/** A template column as the mapping editor shows it. */
export type TemplateColumn = { key: string; header: string; required: boolean };

/**
 * The sample's heading for each column, matched by name without diacritics: the heading equal to
 * the template's (or to the column key), else the only heading that contains the template's
 * words. A heading serves one column at most; columns without a match are left out.
 */
export function suggestMapping(
  columns: readonly TemplateColumn[],
  headings: readonly string[],
): Record<string, string> {
  const keyed = headings.map((heading) => ({ heading, key: headingKey(heading) }));
  const used = new Set<string>();
  const suggested: Record<string, string> = {};
  const pick = (column: TemplateColumn, heading: string) => {
    suggested[column.key] = heading;
    used.add(heading);
  };
  for (const column of columns) {
    const names = [headingKey(column.header), headingKey(column.key)];
    const exact = keyed.find((item) => !used.has(item.heading) && names.includes(item.key));
    if (exact) pick(column, exact.heading);
  }
  for (const column of columns) {
    if (suggested[column.key]) continue;
    const words = ` ${headingKey(column.header)} `;
    const containing = keyed.filter((item) => !used.has(item.heading) && ` ${item.key} `.includes(words));
    const only = containing.length === 1 ? containing[0] : undefined;
    if (only) pick(column, only.heading);
  }
  return suggested;
}

/**
 * The first row's headings of a sample file the user picked (a CSV, or an .xlsx's first sheet);
 * any other file is "unsupported".
 */
export async function readSampleHeadings(file: File): Promise<string[]> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || file.type === 'text/csv') return readCsvHeadings(await file.text());
  if (name.endsWith('.xlsx')) return readXlsxHeadings(await file.arrayBuffer());
  throw new Error('unsupported');
}
