import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { translate } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/vi.ts';
import { serverText, serverWords } from './server-text.ts';

const tEn = Object.assign(
  (key: MessageKey, values?: Record<string, string | number>) => translate(en, key, values),
  {
    locale: 'en' as const,
  },
);

describe('the server’s words', () => {
  it('are read by their key in the user’s language', () => {
    const cell = {
      message: '"2,5" phải là số nguyên',
      messageKey: 'import.cell.notWhole',
      messageParams: { value: '2,5' },
    };
    expect(serverText(cell, tEn)).toBe('"2,5" must be a whole number');
  });

  it('without a key, or with one this app does not know, keep the server’s text', () => {
    expect(serverText({ message: 'Lỗi mới', messageKey: 'not.known.yet' }, tEn)).toBe('Lỗi mới');
    const message = 'Kỳ chưa công bố / the cycle is not published';
    expect(serverWords(message, 'vi')).toBe('Kỳ chưa công bố');
    expect(serverWords(message, 'en')).toBe('the cycle is not published');
    expect(serverWords('Chỉ tiếng Việt', 'en')).toBe('Chỉ tiếng Việt');
  });
});
