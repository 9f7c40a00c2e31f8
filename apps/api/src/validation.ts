import { isServerMessageKey, type ServerMessageKey } from '@cadre/messages';
import type { ZodError } from 'zod';
import { type FieldIssue, fieldIssue } from './errors.ts';

// A Pothos `validate` option takes a message string only, so a message with a key travels as
// `keyed(key)` — the key between two U+0001 — and is turned into its words and key here.
const keyMark = '\u0001';

/** The message of a `validate` option: the key of a message in packages/messages. */
export function keyed(key: ServerMessageKey): string {
  return `${keyMark}${key}${keyMark}`;
}

/** zod issues as `{ field, message }` pairs, the field written as a dotted path (`input.fullName`). */
export function zodIssuesToFields(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.map((part) => String(part)).join('.') || '(input)';
    const key = issue.message.startsWith(keyMark) ? issue.message.slice(1, -1) : null;
    if (!key || !isServerMessageKey(key)) return { field, message: issue.message };
    // the bound a length or range check names (`{min}`, `{max}` in the message)
    const bounds = issue as { minimum?: unknown; maximum?: unknown };
    const params: Record<string, number> = {};
    if (typeof bounds.minimum === 'number') params.min = bounds.minimum;
    if (typeof bounds.maximum === 'number') params.max = bounds.maximum;
    return fieldIssue(field, key, params);
  });
}

/** A bilingual message naming the field: `Họ tên không được để trống / fullName must not be empty`. */
export function message(vi: string, en: string): string {
  return `${vi} / ${en}`;
}
