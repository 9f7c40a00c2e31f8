import { describe, expect, it } from 'vitest';
import { formatServerMessage, serverDictionary, serverMessages } from './server-messages.ts';

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]));

describe('server messages', () => {
  it('read in both languages with their parameters filled in', () => {
    expect(formatServerMessage('import.cell.notWhole', { value: '2,5' })).toBe('"2,5" phải là số nguyên');
    expect(formatServerMessage('import.cell.notWhole', { value: '2,5' }, 'en')).toBe(
      '"2,5" must be a whole number',
    );
  });

  it('are never bilingual strings, and both languages name the same values', () => {
    for (const [key, entry] of Object.entries(serverMessages)) {
      expect(entry.vi, key).not.toMatch(/ \/ [a-z]/i);
      // Vietnamese vowels in the English (đ is allowed: legal symbols such as NĐ-CP, QĐ-UBND)
      expect(entry.en, key).not.toMatch(
        /[ăâêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i,
      );
      expect([...placeholders(entry.en)].sort(), key).toEqual([...placeholders(entry.vi)].sort());
    }
  });

  it('give the web app one dictionary entry per message and language', () => {
    const en = serverDictionary('en');
    expect(Object.keys(en)).toHaveLength(Object.keys(serverMessages).length);
    expect(en['server.login.wrongCredentials']).toBe('Wrong username or password');
  });
});
