import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { translate } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/vi.ts';
import { vi } from '../i18n/vi.ts';
import { describeCombinedError, describeErrorResult } from './error-message.ts';

const t = (key: MessageKey, values?: Record<string, string | number>) => translate(vi, key, values);
const tEn = Object.assign(
  (key: MessageKey, values?: Record<string, string | number>) => translate(en, key, values),
  {
    locale: 'en' as const,
  },
);

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

  it('shows the server’s words in the chosen language, by the key it sent', () => {
    const refusal = {
      __typename: 'ValidationError',
      fields: [
        {
          field: 'newPassword',
          message: 'Mật khẩu phải có ít nhất 10 ký tự',
          messageKey: 'password.tooShort',
          messageParams: { min: 10 },
        },
      ],
    };
    expect(describeErrorResult(refusal, t)).toContain('Mật khẩu phải có ít nhất 10 ký tự');
    const english = describeErrorResult(refusal, tEn);
    expect(english).toContain('The password must be at least 10 characters long');
    expect(english).not.toContain('Mật khẩu');
    // a GraphQL error carries the key in its extensions
    const throttled = new CombinedError({
      graphQLErrors: [
        {
          message: 'Đăng nhập sai quá nhiều lần, thử lại sau 15 phút',
          extensions: {
            code: 'BAD_USER_INPUT',
            messageKey: 'login.throttled',
            messageParams: { minutes: 15 },
          },
        },
      ],
    });
    expect(describeCombinedError(throttled, tEn)).toContain('Too many failed logins: try again in 15 min');
  });

  it('explains an expired session instead of showing the code', () => {
    const error = new CombinedError({
      graphQLErrors: [{ message: 'nope', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(describeCombinedError(error, t)).toBe(vi['error.UNAUTHENTICATED']);
  });
});
