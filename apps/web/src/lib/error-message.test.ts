import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/vi.ts';
import { vi } from '../i18n/vi.ts';
import { describeCombinedError, describeErrorResult } from './error-message.ts';

const t = (key: MessageKey, values?: Record<string, string | number>) => translate(vi, key, values);

describe('error messages in words', () => {
  it('names the quota when an adjustment exceeds it', () => {
    const text = describeErrorResult(
      { __typename: 'QuotaExceededError', code: 'QUOTA_EXCEEDED', message: 'x', allowed: 1, granted: 1 },
      t,
    );
    expect(text).toContain('1');
    expect(text).not.toContain('QUOTA_EXCEEDED');
  });

  it('quotes the rule and its citation when a hard rule refuses', () => {
    const text = describeErrorResult(
      {
        __typename: 'RuleViolationError',
        code: 'RULE_VIOLATION',
        message: 'Bị kỷ luật trong năm',
        rule: 'discipline-cap',
        citation: 'Điều 13 NĐ 335/2025',
      },
      t,
    );
    expect(text).toContain('Bị kỷ luật trong năm');
    expect(text).toContain('Điều 13 NĐ 335/2025');
  });

  it('lists the fields of a validation error', () => {
    const text = describeErrorResult(
      { __typename: 'ValidationError', fields: [{ field: 'reason', message: 'Lý do quá ngắn' }] },
      t,
    );
    expect(text).toContain('Lý do quá ngắn');
  });

  it('explains an expired session instead of showing the code', () => {
    const error = new CombinedError({
      graphQLErrors: [{ message: 'nope', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(describeCombinedError(error, t)).toBe(vi['error.UNAUTHENTICATED']);
  });
});
