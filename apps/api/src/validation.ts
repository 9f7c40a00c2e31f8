import type { ZodError } from 'zod';
import type { FieldIssue } from './errors.ts';

/** zod issues as `{ field, message }` pairs, the field written as a dotted path (`input.fullName`). */
export function zodIssuesToFields(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map((part) => String(part)).join('.') || '(input)',
    message: issue.message,
  }));
}

/** A bilingual message naming the field: `Họ tên không được để trống / fullName must not be empty`. */
export function message(vi: string, en: string): string {
  return `${vi} / ${en}`;
}
