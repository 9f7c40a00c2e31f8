// Domain errors (tier 1 of three): one class, one code enum, one code → GraphQL/HTTP mapping.
// Tier 2 are the subclasses below that mutations expose as typed results (plugin-errors);
// tier 3 is everything else, which Yoga masks.
import { formatServerMessage, type MessageParams, type ServerMessageKey } from '@cadre/messages';

export const appErrorCodes = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION',
  'CONFLICT',
  'QUOTA_EXCEEDED',
  'RULE_VIOLATION',
  'RATE_LIMITED',
] as const;

export type AppErrorCode = (typeof appErrorCodes)[number];

/** The one mapping from domain codes to what GraphQL clients (extensions.code) and REST clients (status) see. */
export const appErrorMapping: Record<AppErrorCode, { graphql: string; http: number }> = {
  UNAUTHENTICATED: { graphql: 'UNAUTHENTICATED', http: 401 },
  FORBIDDEN: { graphql: 'FORBIDDEN', http: 403 },
  NOT_FOUND: { graphql: 'NOT_FOUND', http: 404 },
  VALIDATION: { graphql: 'BAD_USER_INPUT', http: 400 },
  CONFLICT: { graphql: 'CONFLICT', http: 409 },
  QUOTA_EXCEEDED: { graphql: 'QUOTA_EXCEEDED', http: 409 },
  RULE_VIOLATION: { graphql: 'RULE_VIOLATION', http: 422 },
  RATE_LIMITED: { graphql: 'RATE_LIMITED', http: 429 },
};

/**
 * A message for people: its Vietnamese text, and the key and parameters that the web app's
 * dictionaries translate (packages/messages). Made by `text(key, params)`.
 */
export type ServerText = { message: string; messageKey: ServerMessageKey; messageParams: MessageParams };

export function text(key: ServerMessageKey, params: MessageParams = {}): ServerText {
  return { message: formatServerMessage(key, params), messageKey: key, messageParams: params };
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: Record<string, unknown>;
  /** set when the message comes from packages/messages: clients translate it by its key */
  readonly messageKey: ServerMessageKey | null;
  readonly messageParams: MessageParams | null;

  constructor(code: AppErrorCode, message: string | ServerText, details: Record<string, unknown> = {}) {
    super(typeof message === 'string' ? message : message.message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.messageKey = typeof message === 'string' ? null : message.messageKey;
    this.messageParams = typeof message === 'string' ? null : message.messageParams;
  }
}

/** What is wrong with one input field; `messageKey` and `messageParams` when made by `fieldIssue`. */
export type FieldIssue = {
  field: string;
  message: string;
  messageKey?: ServerMessageKey;
  messageParams?: MessageParams;
};

export function fieldIssue(field: string, key: ServerMessageKey, params: MessageParams = {}): FieldIssue {
  return { field, ...text(key, params) };
}

export class ValidationError extends AppError {
  readonly issues: FieldIssue[];

  constructor(issues: FieldIssue[], message?: string) {
    super('VALIDATION', message ?? issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '), {
      fields: issues,
    });
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

export class ConflictError extends AppError {
  readonly currentVersion: number | null;

  constructor(message: string | ServerText, currentVersion: number | null = null) {
    super('CONFLICT', message, { currentVersion });
    this.name = 'ConflictError';
    this.currentVersion = currentVersion;
  }
}

export class ForbiddenError extends AppError {
  constructor(
    message:
      | string
      | ServerText = 'Bạn không có quyền thực hiện thao tác này / You are not allowed to do this',
  ) {
    super('FORBIDDEN', message);
    this.name = 'ForbiddenError';
  }
}

/** Not found and out of scope are the same error: the caller cannot tell them apart. */
export class NotFoundError extends AppError {
  constructor(entity: string) {
    super('NOT_FOUND', `Không tìm thấy ${entity} / ${entity} not found`, { entity });
    this.name = 'NotFoundError';
  }
}

export class QuotaExceededError extends AppError {
  readonly unitId: string;
  readonly allowed: number;
  readonly granted: number;

  constructor(options: { unitId: string; allowed: number; granted: number }) {
    super(
      'QUOTA_EXCEEDED',
      `Vượt chỉ tiêu hoàn thành xuất sắc (${options.granted}/${options.allowed}) / Excellent quota exceeded (${options.granted}/${options.allowed})`,
      options,
    );
    this.name = 'QuotaExceededError';
    this.unitId = options.unitId;
    this.allowed = options.allowed;
    this.granted = options.granted;
  }
}

export class RuleViolationError extends AppError {
  readonly rule: string;
  readonly citation: string | null;

  constructor(options: { rule: string; citation: string | null; message: string }) {
    super('RULE_VIOLATION', options.message, { rule: options.rule, citation: options.citation });
    this.name = 'RuleViolationError';
    this.rule = options.rule;
    this.citation = options.citation;
  }
}

export function unauthenticated(message = 'Cần đăng nhập / Authentication required'): AppError {
  return new AppError('UNAUTHENTICATED', message);
}

/** Checks the optimistic-lock version a client sent against the row's current one. */
export function assertVersion(entity: string, current: number, sent: number): void {
  if (current !== sent) {
    throw new ConflictError(
      `${entity} đã được người khác sửa (phiên bản ${current}, bạn gửi ${sent}) / ${entity} was changed by someone else (version ${current}, you sent ${sent})`,
      current,
    );
  }
}
